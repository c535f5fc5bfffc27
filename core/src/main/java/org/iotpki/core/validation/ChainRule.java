// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An extra check of a profile (Matter, a company policy, ...) that runs after the RFC 5280 checks
 * of {@link ChainValidator} have passed.
 */
@FunctionalInterface
public interface ChainRule {

  /**
   * Checks a path whose signatures, names, validity and CA constraints are already valid.
   *
   * @param path the leaf first, the trust anchor last
   * @param validationTime the instant the path was validated at
   * @return a failure with the rule's own reason code, or empty if the rule holds
   */
  Optional<ChainResult.Invalid> check(List<X509Certificate> path, Instant validationTime);

  /**
   * OIDs of critical extensions this rule processes, so that the validator does not reject
   * certificates for carrying them.
   */
  default Set<String> handledCriticalExtensions() {
    return Set.of();
  }
}
