// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.validation;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.iotpki.core.revocation.RevocationResult;

/**
 * The answer of a chain validation: {@link Valid} with the validated path, or {@link Invalid}
 * with a reason code, the failing certificate and a message for people.
 *
 * <pre>{@code
 * ChainResult result = validator.validate(chain);
 * if (result instanceof ChainResult.Invalid invalid) {
 *   reject(invalid.reason());          // e.g. ChainFailure.EXPIRED
 * }
 * }</pre>
 */
public sealed interface ChainResult permits ChainResult.Valid, ChainResult.Invalid {

  /** Whether the chain is valid. */
  boolean isValid();

  /**
   * The chain is valid.
   *
   * @param path the validated path: the leaf first, the trust anchor last
   * @param revocation the revocation status of each certificate of the path below the trust
   *     anchor, in path order; empty when the validator checks no revocation. A {@link
   *     RevocationResult.SoftFailed} here is a certificate accepted without a known status.
   */
  record Valid(List<X509Certificate> path, List<RevocationResult> revocation) implements ChainResult {
    public Valid {
      path = List.copyOf(path);
      revocation = List.copyOf(revocation);
    }

    /** A valid path whose revocation was not checked. */
    public Valid(List<X509Certificate> path) {
      this(path, List.of());
    }

    @Override
    public boolean isValid() {
      return true;
    }
  }

  /**
   * The chain is invalid.
   *
   * @param reason why, as a code to switch on
   * @param certificateIndex the failing certificate's index in the path (0 = leaf; the trust
   *     anchor, when it is at fault, has the index after the last certificate of the chain)
   * @param message a description for people
   */
  record Invalid(ReasonCode reason, int certificateIndex, String message) implements ChainResult {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
      if (certificateIndex < 0) {
        throw new IllegalArgumentException("certificateIndex must not be negative");
      }
    }

    @Override
    public boolean isValid() {
      return false;
    }
  }
}
