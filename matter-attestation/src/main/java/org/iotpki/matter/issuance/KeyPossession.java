package org.iotpki.matter.issuance;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.validation.SignatureVerifier;

/** Checks that a private key given with a certificate is that certificate's key. */
final class KeyPossession {
  private static final byte[] PROBE = {'i', 'o', 't', 'p', 'k', 'i', ' ', 'p', 'r', 'o', 'b', 'e'};

  private KeyPossession() {}

  /**
   * A signer for {@code privateKey}, after one signature with it verified with the certificate's
   * public key: a mismatched pair would otherwise only show when every issued certificate fails.
   *
   * @throws IllegalArgumentException if the key cannot sign or is not the certificate's key
   */
  static Signer signer(X509Certificate certificate, PrivateKey privateKey) {
    Signer signer = Signer.of(new KeyPair(certificate.getPublicKey(), privateKey));
    try {
      byte[] signature = signer.sign(PROBE);
      if (!SignatureVerifier.bouncyCastle()
          .verify(signer.algorithm().oid(), certificate.getPublicKey(), PROBE, signature).isValid()) {
        throw new IllegalArgumentException("the private key does not belong to the certificate "
            + certificate.getSubjectX500Principal().getName());
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the private key cannot sign: " + e.getMessage(), e);
    }
    return signer;
  }
}
