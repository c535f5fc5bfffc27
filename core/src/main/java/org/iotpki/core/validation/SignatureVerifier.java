// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.validation;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.crypto.SignatureContext;
import org.iotpki.core.internal.Keys;
import org.iotpki.core.internal.SignatureEngines;

/**
 * Verifies the signatures of certificates, CRLs and certification requests. Thread-safe.
 *
 * <pre>{@code
 * SignatureResult result = SignatureVerifier.bouncyCastle().verify(certificate, issuer.getPublicKey());
 * }</pre>
 */
public final class SignatureVerifier {
  private static final SignatureVerifier BOUNCY_CASTLE =
      new SignatureVerifier(ProviderStrategy.bouncyCastle());

  private final ProviderStrategy providers;

  private SignatureVerifier(ProviderStrategy providers) {
    this.providers = providers;
  }

  /** A verifier that uses BouncyCastle. */
  public static SignatureVerifier bouncyCastle() {
    return BOUNCY_CASTLE;
  }

  /** A verifier that uses the providers a strategy picks. */
  public static SignatureVerifier using(ProviderStrategy providers) {
    return new SignatureVerifier(Objects.requireNonNull(providers, "providers"));
  }

  /** Whether {@code issuerKey} verifies the certificate's signature. */
  public SignatureResult verify(X509Certificate certificate, PublicKey issuerKey) {
    Objects.requireNonNull(certificate, "certificate");
    try {
      return verify(
          certificate.getSigAlgOID(), issuerKey, certificate.getTBSCertificate(), certificate.getSignature());
    } catch (CertificateEncodingException e) {
      return new SignatureResult.Invalid(ChainFailure.SIGNATURE_INVALID, "no signed content: " + e.getMessage());
    }
  }

  /** Whether {@code issuerKey} verifies the CRL's signature. */
  public SignatureResult verify(X509CRL crl, PublicKey issuerKey) {
    Objects.requireNonNull(crl, "crl");
    try {
      return verify(crl.getSigAlgOID(), issuerKey, crl.getTBSCertList(), crl.getSignature());
    } catch (CRLException e) {
      return new SignatureResult.Invalid(ChainFailure.SIGNATURE_INVALID, "no signed content: " + e.getMessage());
    }
  }

  /** Whether the request is signed by the key it asks to certify (proof of possession). */
  public SignatureResult verify(CertificationRequest request) {
    Objects.requireNonNull(request, "request");
    return verify(
        request.signatureAlgorithmOid(), request.publicKey(), request.signedContent(), request.signature());
  }

  /**
   * Whether {@code key} verifies {@code signature} over {@code signedData} with the algorithm
   * {@code algorithmOid} names.
   */
  public SignatureResult verify(
      String algorithmOid, PublicKey key, byte[] signedData, byte[] signature) {
    return verify(algorithmOid, key, signedData, signature, SignatureContext.empty());
  }

  /**
   * Whether {@code key} verifies {@code signature}, made with a context string (ML-DSA,
   * HashML-DSA, composite ML-DSA), over {@code signedData}: a signature made with another context
   * is {@link ChainFailure#SIGNATURE_INVALID}.
   *
   * @throws IllegalArgumentException if the context is not empty and the algorithm is classical
   */
  public SignatureResult verify(
      String algorithmOid, PublicKey key, byte[] signedData, byte[] signature, SignatureContext context) {
    Objects.requireNonNull(algorithmOid, "algorithmOid");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(signedData, "signedData");
    Objects.requireNonNull(signature, "signature");
    Optional<SignatureAlgorithm> algorithm = SignatureAlgorithm.fromOid(algorithmOid);
    if (algorithm.isEmpty()) {
      return new SignatureResult.Invalid(
          ChainFailure.UNSUPPORTED_SIGNATURE_ALGORITHM,
          "signature algorithm " + algorithmOid + " is not supported");
    }
    SignatureAlgorithm chosen = algorithm.get();
    if (!context.isEmpty() && !chosen.keyFamily().isPostQuantum()) {
      throw new IllegalArgumentException(chosen + " signatures take no context string");
    }
    if (!chosen.isCompatibleWith(key)) {
      return keyMismatch(chosen, key);
    }
    try {
      Signature verifier = SignatureEngines.signature(chosen, context, providers);
      initVerify(verifier, key);
      SignatureEngines.applyContext(verifier, context);
      verifier.update(signedData);
      if (verifier.verify(signature)) {
        return new SignatureResult.Valid(chosen);
      }
      return new SignatureResult.Invalid(
          ChainFailure.SIGNATURE_INVALID, chosen + " signature does not verify");
    } catch (InvalidKeyException e) {
      return keyMismatch(chosen, key);
    } catch (GeneralSecurityException | RuntimeException e) {
      // A malformed signature value (bad DER in ECDSA, wrong length) is an invalid signature.
      return new SignatureResult.Invalid(
          ChainFailure.SIGNATURE_INVALID, chosen + " signature is malformed: " + e.getMessage());
    }
  }

  /**
   * Initializes with the key, or with the same key made by the verifying provider when the key
   * object comes from another one (a JDK 17 certificate's ML-DSA key is a bare X509Key; a JDK 25
   * ML-DSA key is not a BC key).
   */
  private void initVerify(Signature verifier, PublicKey key) throws GeneralSecurityException {
    try {
      verifier.initVerify(key);
    } catch (InvalidKeyException foreign) {
      byte[] encoded = key.getEncoded();
      if (encoded == null) {
        throw foreign;
      }
      try {
        verifier.initVerify(Keys.publicKey(encoded, ProviderStrategy.fixed(verifier.getProvider()), 0));
      } catch (PkiParseException unusable) {
        throw foreign;
      }
    }
  }

  private static SignatureResult keyMismatch(SignatureAlgorithm algorithm, PublicKey key) {
    return new SignatureResult.Invalid(
        ChainFailure.KEY_ALGORITHM_MISMATCH,
        algorithm + " does not fit the issuer's " + KeyAlgorithm.describe(key) + " key");
  }
}
