// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import org.iotpki.core.crypto.ProviderStrategy;

/** The floor of the chain benchmarks: one certificate's ECDSA P-256 signature, verified with BouncyCastle. */
final class RawSignatures {
  private RawSignatures() {}

  static boolean verify(X509Certificate certificate, X509Certificate issuer) throws GeneralSecurityException {
    return verify(certificate.getTBSCertificate(), certificate.getSignature(), issuer.getPublicKey());
  }

  /** The same from a certificate's to-be-signed bytes and signature. */
  static boolean verify(byte[] tbsCertificate, byte[] signatureValue, PublicKey issuerKey) throws GeneralSecurityException {
    Signature signature =
        Signature.getInstance("SHA256withECDSA", ProviderStrategy.bouncyCastle().provider("Signature", "SHA256withECDSA"));
    signature.initVerify(issuerKey);
    signature.update(tbsCertificate);
    return signature.verify(signatureValue);
  }
}
