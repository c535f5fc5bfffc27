// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link DeviceAttestationVerifier}: {@link Verified}, or {@link Failed} with the
 * SDK's result code, the element at fault and a message for people.
 *
 * <pre>{@code
 * AttestationVerification outcome = verifier.verify(info);
 * if (outcome instanceof AttestationVerification.Failed failed) {
 *   log.warn("attestation failed: {} ({})", failed.result(), failed.result().code());
 * }
 * }</pre>
 */
public sealed interface AttestationVerification
    permits AttestationVerification.Verified, AttestationVerification.Failed {

  /** {@link AttestationResult#SUCCESS} or the failing check's code. */
  AttestationResult result();

  /** Whether every check passed. */
  default boolean isVerified() {
    return result() == AttestationResult.SUCCESS;
  }

  /**
   * Every check passed.
   *
   * @param paa the PAA that the trust store returned for the PAI
   * @param dacIds the DAC's vendor and product IDs
   * @param certificationDeclaration the verified Certification Declaration, when one was checked
   */
  record Verified(X509Certificate paa, VidPid dacIds, Optional<CertificationDeclaration> certificationDeclaration)
      implements AttestationVerification {
    public Verified {
      Objects.requireNonNull(paa, "paa");
      Objects.requireNonNull(dacIds, "dacIds");
      Objects.requireNonNull(certificationDeclaration, "certificationDeclaration");
    }

    @Override
    public AttestationResult result() {
      return AttestationResult.SUCCESS;
    }
  }

  /**
   * A check failed; the first failing check in the SDK's order decides the result.
   *
   * @param result the SDK's result code, never {@link AttestationResult#SUCCESS}
   * @param failing the element at fault
   * @param message what was wrong, for people
   */
  record Failed(AttestationResult result, AttestationElement failing, String message)
      implements AttestationVerification {
    public Failed {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(failing, "failing");
      Objects.requireNonNull(message, "message");
      if (result == AttestationResult.SUCCESS) {
        throw new IllegalArgumentException("a failure needs a failure code");
      }
    }
  }
}
