// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cms;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.iotpki.core.crypto.SignatureAlgorithm;

/** The answer of {@link CmsSignedData#verify}: the signed content, or why it is not to be trusted. */
public sealed interface CmsVerification permits CmsVerification.Valid, CmsVerification.Invalid {

  /** Whether the signature verified. */
  boolean isValid();

  /**
   * The SignedData verified. The signer certificate is not yet validated: build and check its
   * chain before trusting the content.
   *
   * @param signer the certificate whose key verified the signature
   * @param algorithm the signature algorithm
   * @param digestAlgorithmOid the SignerInfo's digestAlgorithm
   * @param content the encapsulated content (use {@link #content()}, a copy)
   */
  record Valid(X509Certificate signer, SignatureAlgorithm algorithm, String digestAlgorithmOid, byte[] content)
      implements CmsVerification {
    public Valid {
      Objects.requireNonNull(signer, "signer");
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(digestAlgorithmOid, "digestAlgorithmOid");
      content = content.clone();
    }

    /** The encapsulated content (a copy). */
    @Override
    public byte[] content() {
      return content.clone();
    }

    @Override
    public boolean isValid() {
      return true;
    }
  }

  /**
   * The SignedData did not verify.
   *
   * @param reason why, for programs
   * @param message why, for people
   */
  record Invalid(CmsFailure reason, String message) implements CmsVerification {
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
