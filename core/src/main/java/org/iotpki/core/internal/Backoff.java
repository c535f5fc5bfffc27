// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

/**
 * Capped exponential backoff: the ceiling that full jitter draws a wait below. Shared by the
 * enrollment {@code RetryPolicy} and the fleet simulation, so both back off the same way.
 */
public final class Backoff {
  private Backoff() {}

  /**
   * The backoff ceiling of retry number {@code retry} (1 for the first retry): {@code initial}
   * doubled {@code retry - 1} times, but never above {@code max}. Any unit, as long as both
   * arguments share it.
   */
  public static long ceiling(long initial, long max, int retry) {
    long ceiling = initial;
    for (int i = 1; i < retry && ceiling < max; i++) {
      ceiling *= 2;
    }
    return Math.min(ceiling, max);
  }
}
