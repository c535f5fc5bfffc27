// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Duration;
import org.iotpki.core.internal.Backoff;
import org.iotpki.core.internal.Durations;

/**
 * Capped exponential backoff with full jitter, as {@link org.iotpki.core.enroll.RetryPolicy}
 * waits: before retry {@code n} a device waits a uniform time in [0, min(max, initial * 2^(n-1))],
 * so that devices that failed together do not come back together.
 *
 * @param initial the ceiling of the first retry's wait, whole seconds
 * @param max the highest ceiling, at least {@code initial}, whole seconds
 */
public record RetryBackoff(Duration initial, Duration max) {

  /** Validates the durations. */
  public RetryBackoff {
    Durations.positiveSeconds(initial, "initial backoff");
    Durations.positiveSeconds(max, "max backoff");
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff below the initial backoff");
    }
  }

  /** From 5 minutes up to 12 hours: a renewal has weeks to spare, the CA's capacity has not. */
  public static RetryBackoff defaults() {
    return new RetryBackoff(Duration.ofMinutes(5), Duration.ofHours(12));
  }

  /** The ceiling of retry {@code retry}'s wait, in seconds. */
  long ceilingSeconds(int retry) {
    return Backoff.ceiling(initial.getSeconds(), max.getSeconds(), retry);
  }
}
