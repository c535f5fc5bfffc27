// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Something that signs with one private key: a software key, or a key in an HSM or secure element
 * that never leaves it.
 *
 * <p>Every place iotpki signs (certificates, CSRs, and later CRLs, CMS, protocol messages) takes a
 * {@code Signer}. Implementations must be safe for use by several threads at once.
 */
public interface Signer {

  /** The algorithm of the signatures this signer produces. */
  SignatureAlgorithm algorithm();

  /** The public key that verifies this signer's signatures. */
  PublicKey publicKey();

  /**
   * Signs {@code data} and returns the signature in the form X.509 carries it (DER for ECDSA).
   *
   * @throws GeneralSecurityException if the provider or token fails to sign
   */
  byte[] sign(byte[] data) throws GeneralSecurityException;

  /**
   * A software signer for a key pair with the key's default algorithm and the {@linkplain
   * ProviderStrategy#defaults() default providers}.
   *
   * @throws IllegalArgumentException if the key is not of a {@link KeyAlgorithm} iotpki knows
   */
  static Signer of(KeyPair keyPair) {
    Objects.requireNonNull(keyPair, "keyPair");
    KeyAlgorithm keyAlgorithm =
        KeyAlgorithm.of(keyPair.getPublic())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no default signature algorithm for a "
                            + KeyAlgorithm.describe(keyPair.getPublic())
                            + " key; name one with Signer.of(keyPair, algorithm)"));
    return of(keyPair, keyAlgorithm.defaultSignatureAlgorithm());
  }

  /** A software signer for a key pair and an explicit algorithm, with the default providers. */
  static Signer of(KeyPair keyPair, SignatureAlgorithm algorithm) {
    return of(keyPair, algorithm, ProviderStrategy.defaults());
  }

  /**
   * A signer over any JCA private key (software or hardware) with the provider the strategy picks.
   *
   * @throws IllegalArgumentException if the algorithm does not fit the key
   */
  static Signer of(KeyPair keyPair, SignatureAlgorithm algorithm, ProviderStrategy providers) {
    return of(keyPair, algorithm, providers, SignatureContext.empty());
  }

  /**
   * A signer whose ML-DSA, HashML-DSA or composite signatures carry a context string (FIPS 204):
   * only a verifier given the same context accepts them. Providers are asked for {@code
   * NAME/context} (for example {@code ML-DSA-44/context}) when the context is not empty, since
   * the JDK's ML-DSA takes none.
   *
   * @throws IllegalArgumentException if the algorithm does not fit the key, or a non-empty
   *     context is given for a classical algorithm
   */
  static Signer of(
      KeyPair keyPair, SignatureAlgorithm algorithm, ProviderStrategy providers, SignatureContext context) {
    Objects.requireNonNull(keyPair, "keyPair");
    PrivateKey privateKey = Objects.requireNonNull(keyPair.getPrivate(), "keyPair.getPrivate()");
    PublicKey publicKey = Objects.requireNonNull(keyPair.getPublic(), "keyPair.getPublic()");
    return new JcaSigner(privateKey, publicKey, algorithm, providers, context);
  }

  /**
   * A software signer for a certificate's private key, after one signature with it verified with
   * the certificate's public key: a mismatched pair would otherwise only show later, when every
   * signature made with it fails.
   *
   * @throws IllegalArgumentException if the key cannot sign or is not the certificate's key
   */
  static Signer forCertificate(X509Certificate certificate, PrivateKey privateKey) {
    return forCertificate(certificate, privateKey, ProviderStrategy.defaults());
  }

  /**
   * A signer for a certificate's private key (software, or a handle to a key in a token) with
   * the provider the strategy picks, after one signature with it verified with the certificate's
   * public key.
   *
   * @throws IllegalArgumentException if the key cannot sign or is not the certificate's key
   */
  static Signer forCertificate(
      X509Certificate certificate, PrivateKey privateKey, ProviderStrategy providers) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    KeyPair keyPair = new KeyPair(certificate.getPublicKey(), privateKey);
    Signer signer = of(keyPair, of(keyPair).algorithm(), providers);
    byte[] probe = "iotpki key pair probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try {
      byte[] signature = signer.sign(probe);
      if (!org.iotpki.core.validation.SignatureVerifier.bouncyCastle()
          .verify(signer.algorithm().oid(), certificate.getPublicKey(), probe, signature)
          .isValid()) {
        throw new IllegalArgumentException("the private key does not belong to the certificate "
            + certificate.getSubjectX500Principal().getName());
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the private key cannot sign: " + e.getMessage(), e);
    }
    return signer;
  }
}
