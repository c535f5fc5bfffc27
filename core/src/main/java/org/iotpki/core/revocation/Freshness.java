// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Whether revocation information (an OCSP single response, a CRL) is current at a time. */
final class Freshness {
  /**
   * How long a response without nextUpdate counts as current: RFC 6960 says newer information
   * is then always available, so it is not kept long (and never cached).
   */
  static final Duration MAX_AGE_WITHOUT_NEXT_UPDATE = Duration.ofHours(1);

  private Freshness() {}

  /** Why the information is not current at {@code time}, allowing {@code skew} either way, if it is not. */
  static Optional<String> problem(Instant thisUpdate, Optional<Instant> nextUpdate, Instant time, Duration skew) {
    if (thisUpdate.isAfter(time.plus(skew))) {
      return Optional.of("thisUpdate " + thisUpdate + " is in the future (checked at " + time + ")");
    }
    Instant expiry = nextUpdate.orElse(thisUpdate.plus(MAX_AGE_WITHOUT_NEXT_UPDATE));
    if (expiry.isBefore(time.minus(skew))) {
      return Optional.of((nextUpdate.isPresent() ? "nextUpdate " : "thisUpdate without nextUpdate, kept until ")
          + expiry + " has passed (checked at " + time + ")");
    }
    return Optional.empty();
  }
}
