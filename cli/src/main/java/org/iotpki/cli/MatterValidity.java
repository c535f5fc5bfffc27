// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --not-before T} and {@code --days N | --not-after T} of the Matter issue commands. */
final class MatterValidity {
  @Option(names = "--not-before", paramLabel = "T", converter = InstantConverter.class,
      description = "Start of validity, ISO-8601 (default: now).")
  Instant notBefore;

  @Option(names = "--days", paramLabel = "N", converter = NumberConverter.class, description = "Validity in days from --not-before.")
  Long days;

  @Option(names = "--not-after", paramLabel = "T", converter = InstantConverter.class,
      description = "End of validity, ISO-8601 (9999-12-31T23:59:59Z: no well-defined expiration).")
  Instant notAfter;

  Instant notBefore() {
    return notBefore != null ? notBefore : Instant.now();
  }

  /**
   * The end of validity: --not-after, or --days from the start, or {@code defaultEnd} of the start.
   *
   * @throws IllegalArgumentException if both --days and --not-after are given, or --days is not positive
   */
  Instant notAfter(java.util.function.UnaryOperator<Instant> defaultEnd) {
    if (days != null && notAfter != null) {
      throw new IllegalArgumentException("give --days or --not-after, not both");
    }
    if (days != null && (days < 1 || days > 3_000_000)) {
      throw new IllegalArgumentException("--days must be 1 to 3000000");
    }
    return Optional.ofNullable(notAfter)
        .orElseGet(() -> days != null ? notBefore().plus(Duration.ofDays(days)) : defaultEnd.apply(notBefore()));
  }
}
