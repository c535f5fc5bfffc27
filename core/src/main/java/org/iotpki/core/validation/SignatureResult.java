// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.validation;

import java.util.Objects;
import org.iotpki.core.crypto.SignatureAlgorithm;

/** The answer of one signature check by {@link SignatureVerifier}. */
public sealed interface SignatureResult permits SignatureResult.Valid, SignatureResult.Invalid {

  /** Whether the signature verified. */
  boolean isValid();

  /** The signature verified with the given algorithm. */
  record Valid(SignatureAlgorithm algorithm) implements SignatureResult {
    public Valid {
      Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public boolean isValid() {
      return true;
    }
  }

  /**
   * The signature did not verify.
   *
   * @param reason {@link ChainFailure#SIGNATURE_INVALID}, {@link
   *     ChainFailure#UNSUPPORTED_SIGNATURE_ALGORITHM} or {@link ChainFailure#KEY_ALGORITHM_MISMATCH}
   * @param message a description for people
   */
  record Invalid(ChainFailure reason, String message) implements SignatureResult {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean isValid() {
      return false;
    }
  }
}
