// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.time.Duration;
import java.util.Objects;

/** Checks of configured durations: timeouts, backoffs, deadlines. */
public final class Durations {
  private Durations() {}

  /**
   * {@code value}, if it is longer than zero.
   *
   * @throws IllegalArgumentException for zero or a negative duration
   */
  public static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /**
   * {@code value}, if it is zero or longer (a tolerance such as a clock skew).
   *
   * @throws IllegalArgumentException for a negative duration
   */
  public static Duration notNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }

  /**
   * {@code value}, if it is longer than zero and a whole number of seconds (simulated time counts
   * seconds).
   *
   * @throws IllegalArgumentException otherwise
   */
  public static Duration positiveSeconds(Duration value, String name) {
    positive(value, name);
    if (value.getNano() != 0) {
      throw new IllegalArgumentException(name + " must be whole seconds: " + value);
    }
    return value;
  }
}
