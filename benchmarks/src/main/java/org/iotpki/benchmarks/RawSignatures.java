package org.iotpki.benchmarks;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import org.iotpki.core.crypto.ProviderStrategy;

/** The floor of the chain benchmarks: one certificate's ECDSA P-256 signature, verified with BouncyCastle. */
final class RawSignatures {
  private RawSignatures() {}

  static boolean verify(X509Certificate certificate, X509Certificate issuer) throws GeneralSecurityException {
    Signature signature =
        Signature.getInstance("SHA256withECDSA", ProviderStrategy.bouncyCastle().provider("Signature", "SHA256withECDSA"));
    signature.initVerify(issuer.getPublicKey());
    signature.update(certificate.getTBSCertificate());
    return signature.verify(certificate.getSignature());
  }
}
