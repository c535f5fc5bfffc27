// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.issuance;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iotpki.core.audit.AuditTrail;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;
import org.iotpki.matter.internal.AttestationAuthorityKeys;

/**
 * A Matter attestation CA (PAA or PAI) with its key: issues the next level down with the Matter
 * certificate profile (P-256, ecdsa-with-SHA256, or for a PAA or PAI of the Matter PQC phase 1
 * revision ML-DSA-44/65; critical basicConstraints and keyUsage,
 * subject/authority key identifiers, VID/PID as Matter DN attributes, random 127-bit serials).
 * Thread-safe: production lines may issue DACs from one PAI in parallel.
 */
public final class MatterCa {
  /** X.509's "no well-defined expiration date" (99991231235959Z), which the Matter DAC profile allows. */
  public static final Instant NO_EXPIRATION = Instant.parse("9999-12-31T23:59:59Z");

  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final Signer signer;
  private final OptionalInt vendorId;
  private final OptionalInt productId;

  MatterCa(X509Certificate certificate, PrivateKey privateKey, Signer signer, OptionalInt vendorId, OptionalInt productId) {
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.signer = signer;
    this.vendorId = vendorId;
    this.productId = productId;
  }

  /**
   * A CA from an existing certificate and its private key (a PAA or PAI made elsewhere), its
   * VID/PID read from the subject.
   *
   * @throws IllegalArgumentException if the certificate is not a CA or the key is not its key
   */
  public static MatterCa of(X509Certificate certificate, PrivateKey privateKey) {
    return of(certificate, privateKey, ProviderStrategy.bouncyCastle());
  }

  /**
   * A CA from an existing certificate and its private key, signing with the provider the strategy
   * picks: for a PAA or PAI key held in an HSM ({@code TokenKeys.providers()}).
   *
   * @throws IllegalArgumentException if the certificate is not a CA or the key is not its key
   */
  public static MatterCa of(X509Certificate certificate, PrivateKey privateKey, ProviderStrategy providers) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    if (certificate.getBasicConstraints() < 0) {
      throw new IllegalArgumentException("not a CA certificate: " + certificate.getSubjectX500Principal().getName());
    }
    if (AttestationAuthorityKeys.of(certificate.getPublicKey()).isEmpty()) {
      throw new IllegalArgumentException("a PAA or PAI key must be EC P-256, ML-DSA-44 or ML-DSA-65, was "
          + KeyAlgorithm.describe(certificate.getPublicKey()));
    }
    return new MatterCa(
        certificate,
        privateKey,
        Signer.forCertificate(certificate, privateKey, providers),
        MatterNames.id(certificate.getSubjectX500Principal(), MatterNames.VID_OID),
        MatterNames.id(certificate.getSubjectX500Principal(), MatterNames.PID_OID));
  }

  /** The CA's certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The CA's key and certificate. */
  public Credential credential() {
    return new Credential(privateKey, java.util.List.of(certificate));
  }

  /** The vendor id in the CA's subject, if it has one (a PAA may not). */
  public OptionalInt vendorId() {
    return vendorId;
  }

  /**
   * A PAI under this PAA for {@code vendorId} (and optionally one product), with a new P-256 key.
   *
   * @throws IllegalArgumentException if this PAA is bound to another vendor id
   */
  public MatterCa issuePai(String commonName, int vendorId, OptionalInt productId, Instant notBefore, Instant notAfter) {
    return issuePai(commonName, vendorId, productId, notBefore, notAfter, KeyAlgorithm.EC_P256);
  }

  /**
   * A PAI under this PAA with a new key of {@code algorithm}: EC P-256, ML-DSA-44 or ML-DSA-65,
   * no stronger than this PAA's (Matter PQC phase 1).
   *
   * @throws IllegalArgumentException for another algorithm, one stronger than this PAA's, or if
   *     this PAA is bound to another vendor id
   */
  public MatterCa issuePai(String commonName, int vendorId, OptionalInt productId, Instant notBefore, Instant notAfter,
      KeyAlgorithm algorithm) {
    requireAuthorityAlgorithm(algorithm);
    KeyPair paiKey = KeyPairs.generate(algorithm);
    X509Certificate pai = issuePaiCertificate(paiKey.getPublic(), commonName, vendorId, productId, notBefore, notAfter);
    return new MatterCa(pai, paiKey.getPrivate(), Signer.of(paiKey), OptionalInt.of(vendorId), productId);
  }

  /**
   * A PAI certificate under this PAA for a key held elsewhere, such as in an HSM: make the
   * PAI with {@link #of(X509Certificate, PrivateKey, ProviderStrategy)} and the key's handle.
   *
   * @throws IllegalArgumentException for a key other than P-256, ML-DSA-44 or ML-DSA-65, one
   *     stronger than this PAA's, or if this PAA is bound to another vendor id
   */
  public X509Certificate issuePaiCertificate(
      PublicKey paiKey, String commonName, int vendorId, OptionalInt productId, Instant notBefore, Instant notAfter) {
    requireVendor(vendorId);
    if (AttestationAuthorityKeys.of(paiKey).isEmpty()) {
      throw new IllegalArgumentException("a PAI key must be EC P-256, ML-DSA-44 or ML-DSA-65, was " + KeyAlgorithm.describe(paiKey));
    }
    AttestationAuthorityKeys.strongerThanIssuer(paiKey, certificate.getPublicKey()).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    return sign(
        CertificateBuilder.create()
            .subject(MatterNames.name(commonName, OptionalInt.of(vendorId), productId))
            .publicKey(paiKey)
            .issuer(certificate)
            .validity(notBefore, notAfter)
            .basicConstraints(BasicConstraints.ca(0)));
  }

  /**
   * A DAC for a key the device generated and keeps, from this PAI.
   *
   * @throws IllegalArgumentException for a non-P-256 key, or a VID/PID this PAI may not certify
   */
  public X509Certificate issueDac(PublicKey deviceKey, int vendorId, int productId, String commonName, Instant notBefore, Instant notAfter) {
    try {
      return dac(deviceKey, vendorId, productId, commonName, notBefore, notAfter).sign(signer);
    } catch (GeneralSecurityException e) {
      throw signingFailure(e);
    }
  }

  /**
   * The same DAC as {@link #issueDac(PublicKey, int, int, String, Instant, Instant)}, as DER and
   * without parsing it: for a production line that only stores or sends the encoding.
   *
   * @throws IllegalArgumentException for a non-P-256 key, or a VID/PID this PAI may not certify
   */
  public byte[] issueDacDer(PublicKey deviceKey, int vendorId, int productId, String commonName, Instant notBefore, Instant notAfter) {
    try {
      return dac(deviceKey, vendorId, productId, commonName, notBefore, notAfter).signEncoded(signer);
    } catch (GeneralSecurityException e) {
      throw signingFailure(e);
    }
  }

  private CertificateBuilder dac(PublicKey deviceKey, int vendorId, int productId, String commonName, Instant notBefore, Instant notAfter) {
    Objects.requireNonNull(deviceKey, "deviceKey");
    requireP256(deviceKey, "a DAC key");
    requireVendor(vendorId);
    if (productId().isPresent() && productId().getAsInt() != productId) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "this PAI is for product 0x%04X, not 0x%04X", productId().getAsInt(), productId));
    }
    return CertificateBuilder.create()
        .subject(MatterNames.name(commonName, OptionalInt.of(vendorId), OptionalInt.of(productId)))
        .publicKey(deviceKey)
        .issuer(certificate)
        .validity(notBefore, notAfter);
  }

  /**
   * A DAC for the key in a device's PKCS#10 request, once the request's signature shows that the
   * device holds that key. The DAC's subject is the Matter profile's (common name, VID, PID), not
   * the request's: a device does not choose its attestation identity.
   *
   * @throws SignatureException if the request is not signed by the key it asks to certify
   * @throws IllegalArgumentException for a non-P-256 key, or a VID/PID this PAI may not certify
   */
  public X509Certificate issueDac(
      CertificationRequest request, int vendorId, int productId, String commonName, Instant notBefore, Instant notAfter)
      throws SignatureException {
    Objects.requireNonNull(request, "request");
    SignatureResult proof = SignatureVerifier.bouncyCastle().verify(request);
    if (proof instanceof SignatureResult.Invalid invalid) {
      throw new SignatureException("the certification request's signature does not verify ("
          + invalid.reason() + "): " + invalid.message());
    }
    return issueDac(request.publicKey(), vendorId, productId, commonName, notBefore, notAfter);
  }

  /** A DAC valid from now with no expiration, for a key the device keeps. */
  public X509Certificate issueDac(PublicKey deviceKey, int vendorId, int productId, String commonName) {
    return issueDac(deviceKey, vendorId, productId, commonName, Instant.now().minus(Duration.ofMinutes(5)), NO_EXPIRATION);
  }

  /**
   * A production run: a new P-256 key and a DAC (no expiration) for each device serial, issued on
   * all cores, each recorded in {@code audit} before it is returned.
   *
   * @return the credentials in the order of {@code deviceSerials}
   * @throws IOException if the audit trail cannot record one (the run stops there)
   */
  public List<DacCredential> issueBatch(
      int vendorId, int productId, List<String> deviceSerials, AuditTrail audit, String operator)
      throws IOException {
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(operator, "operator");
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), deviceSerials.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<DacCredential>> issued = new ArrayList<>(deviceSerials.size());
      for (String serial : deviceSerials) {
        issued.add(pool.submit(() -> {
          KeyPair deviceKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
          X509Certificate dac = issueDac(deviceKey.getPublic(), vendorId, productId, serial);
          audit.record(serial, dac, operator);
          return new DacCredential(serial, dac, deviceKey.getPrivate());
        }));
      }
      List<DacCredential> credentials = new ArrayList<>(issued.size());
      for (Future<DacCredential> credential : issued) {
        credentials.add(credential.get());
      }
      return credentials;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("batch interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException) {
        throw (IOException) e.getCause();
      }
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The product id in the CA's subject, if it has one. */
  public OptionalInt productId() {
    return productId;
  }

  static void requireAuthorityAlgorithm(KeyAlgorithm algorithm) {
    if (algorithm != KeyAlgorithm.EC_P256 && algorithm != KeyAlgorithm.ML_DSA_44 && algorithm != KeyAlgorithm.ML_DSA_65) {
      throw new IllegalArgumentException("a PAA or PAI key must be EC P-256, ML-DSA-44 or ML-DSA-65, not "
          + algorithm.displayName());
    }
  }

  static void requireP256(PublicKey key, String what) {
    if (KeyAlgorithm.of(key).filter(KeyAlgorithm.EC_P256::equals).isEmpty()) {
      throw new IllegalArgumentException(what + " must be EC P-256, was " + KeyAlgorithm.describe(key));
    }
  }

  private void requireVendor(int vendorId) {
    MatterNames.checkId(vendorId, "vendor id");
    if (this.vendorId.isPresent() && this.vendorId.getAsInt() != vendorId) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "this CA is for vendor 0x%04X, not 0x%04X", this.vendorId.getAsInt(), vendorId));
    }
  }

  private X509Certificate sign(CertificateBuilder builder) {
    try {
      return builder.sign(signer);
    } catch (GeneralSecurityException e) {
      throw signingFailure(e);
    }
  }

  private static IllegalStateException signingFailure(GeneralSecurityException e) {
    return new IllegalStateException("the CA's key failed to sign", e);
  }
}
