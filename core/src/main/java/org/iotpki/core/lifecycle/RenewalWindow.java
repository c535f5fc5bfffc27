// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A span of time in which a certificate should be renewed: the renewal schedule's, or one a CA
 * suggests (ACME Renewal Information, RFC 9773).
 *
 * @param start the earliest time to renew
 * @param end the latest time to renew (exclusive); after {@code start}
 */
public record RenewalWindow(Instant start, Instant end) {
  /** @throws IllegalArgumentException unless {@code start} is before {@code end} */
  public RenewalWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("a renewal window must end after it starts: " + start
          + " .. " + end);
    }
  }

  /**
   * A point of the window chosen by {@code seed}: uniform over a fleet when the seeds are hashes
   * of different certificates, and the same point every time for one certificate, so that a
   * device restarting many times does not draw again and again (and so renew early).
   *
   * @param seed at least 8 bytes, e.g. a hash of the certificate
   */
  public Instant pick(byte[] seed) {
    if (seed.length < Long.BYTES) {
      throw new IllegalArgumentException("a seed needs at least 8 bytes");
    }
    double fraction = (ByteBuffer.wrap(seed).getLong() >>> 11) * 0x1.0p-53; // uniform in [0, 1)
    long spanMillis = Duration.between(start, end).toMillis();
    return start.plusMillis((long) (fraction * spanMillis));
  }

  /** Whether {@code instant} is in the window. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
