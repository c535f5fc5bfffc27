// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

/**
 * A span of a certificate's lifetime, as fractions from notBefore (0) to notAfter (1): {@code
 * new LifetimeWindow(0.5, 0.8)} is "between half and four fifths of the way to expiry".
 *
 * @param start the earliest point, in [0, 1)
 * @param end the latest point, in [start, 1); equal to {@code start} for a single point
 */
public record LifetimeWindow(double start, double end) {

  /** Validates the fractions. */
  public LifetimeWindow {
    if (!(start >= 0 && start < 1) || !(end >= start && end < 1)) {
      throw new IllegalArgumentException(
          "a lifetime window needs 0 <= start <= end < 1: " + start + ", " + end);
    }
  }

  /** The single point {@code fraction} of the lifetime. */
  public static LifetimeWindow at(double fraction) {
    return new LifetimeWindow(fraction, fraction);
  }

  /** The second this window starts at, for a certificate valid from {@code notBefore} to {@code notAfter} (seconds). */
  long startSecond(long notBefore, long notAfter) {
    return notBefore + (long) ((notAfter - notBefore) * start);
  }

  /** The second this window ends at, for a certificate valid from {@code notBefore} to {@code notAfter} (seconds). */
  long endSecond(long notBefore, long notAfter) {
    return notBefore + (long) ((notAfter - notBefore) * end);
  }
}
