// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * Key types iotpki generates, each with the signature algorithm it uses by default.
 *
 * <p>Post-quantum keys: ML-DSA (FIPS 204) and composite ML-DSA keys (an ML-DSA key and a
 * traditional key, LAMPS composite-signatures draft), each with the one signature algorithm it
 * makes.
 */
public enum KeyAlgorithm {
  /** ECDSA on NIST P-256 (secp256r1), the Matter and most IoT profiles' curve. */
  EC_P256(KeyFamily.EC, "EC P-256", "1.2.840.10045.3.1.7", 256, SignatureAlgorithm.ECDSA_SHA256),
  /** ECDSA on NIST P-384 (secp384r1). */
  EC_P384(KeyFamily.EC, "EC P-384", "1.3.132.0.34", 384, SignatureAlgorithm.ECDSA_SHA384),
  /** Ed25519 (RFC 8032). */
  ED25519(KeyFamily.ED25519, "Ed25519", "1.3.101.112", 255, SignatureAlgorithm.ED25519),
  /** RSA with a 2048-bit modulus. */
  RSA_2048(KeyFamily.RSA, "RSA 2048", "1.2.840.113549.1.1.1", 2048, SignatureAlgorithm.RSA_PKCS1_SHA256),
  /** RSA with a 3072-bit modulus. */
  RSA_3072(KeyFamily.RSA, "RSA 3072", "1.2.840.113549.1.1.1", 3072, SignatureAlgorithm.RSA_PKCS1_SHA256),
  /** RSA with a 4096-bit modulus. */
  RSA_4096(KeyFamily.RSA, "RSA 4096", "1.2.840.113549.1.1.1", 4096, SignatureAlgorithm.RSA_PKCS1_SHA256),
  /** ML-DSA-44 (FIPS 204), NIST security category 2. */
  ML_DSA_44(KeyFamily.ML_DSA, "ML-DSA-44", "2.16.840.1.101.3.4.3.17", 0, SignatureAlgorithm.ML_DSA_44),
  /** ML-DSA-65 (FIPS 204), NIST security category 3. */
  ML_DSA_65(KeyFamily.ML_DSA, "ML-DSA-65", "2.16.840.1.101.3.4.3.18", 0, SignatureAlgorithm.ML_DSA_65),
  /** ML-DSA-87 (FIPS 204), NIST security category 5. */
  ML_DSA_87(KeyFamily.ML_DSA, "ML-DSA-87", "2.16.840.1.101.3.4.3.19", 0, SignatureAlgorithm.ML_DSA_87),
  /** Composite MLDSA44-RSA2048-PSS-SHA256: an ML-DSA-44 key and an RSA key in one. */
  MLDSA44_RSA2048_PSS_SHA256(KeyFamily.COMPOSITE_ML_DSA, "MLDSA44-RSA2048-PSS-SHA256", "1.3.6.1.5.5.7.6.37", 0, SignatureAlgorithm.MLDSA44_RSA2048_PSS_SHA256),
  /** Composite MLDSA44-RSA2048-PKCS15-SHA256: an ML-DSA-44 key and an RSA key in one. */
  MLDSA44_RSA2048_PKCS15_SHA256(KeyFamily.COMPOSITE_ML_DSA, "MLDSA44-RSA2048-PKCS15-SHA256", "1.3.6.1.5.5.7.6.38", 0, SignatureAlgorithm.MLDSA44_RSA2048_PKCS15_SHA256),
  /** Composite MLDSA44-Ed25519-SHA512: an ML-DSA-44 key and an Ed25519 key in one. */
  MLDSA44_ED25519_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA44-Ed25519-SHA512", "1.3.6.1.5.5.7.6.39", 0, SignatureAlgorithm.MLDSA44_ED25519_SHA512),
  /** Composite MLDSA44-ECDSA-P256-SHA256: an ML-DSA-44 key and an EC secp256r1 key in one. */
  MLDSA44_ECDSA_P256_SHA256(KeyFamily.COMPOSITE_ML_DSA, "MLDSA44-ECDSA-P256-SHA256", "1.3.6.1.5.5.7.6.40", 0, SignatureAlgorithm.MLDSA44_ECDSA_P256_SHA256),
  /** Composite MLDSA65-RSA3072-PSS-SHA512: an ML-DSA-65 key and an RSA key in one. */
  MLDSA65_RSA3072_PSS_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA65-RSA3072-PSS-SHA512", "1.3.6.1.5.5.7.6.41", 0, SignatureAlgorithm.MLDSA65_RSA3072_PSS_SHA512),
  /** Composite MLDSA65-RSA3072-PKCS15-SHA512: an ML-DSA-65 key and an RSA key in one. */
  MLDSA65_RSA3072_PKCS15_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA65-RSA3072-PKCS15-SHA512", "1.3.6.1.5.5.7.6.42", 0, SignatureAlgorithm.MLDSA65_RSA3072_PKCS15_SHA512),
  /** Composite MLDSA65-RSA4096-PSS-SHA512: an ML-DSA-65 key and an RSA key in one. */
  MLDSA65_RSA4096_PSS_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA65-RSA4096-PSS-SHA512", "1.3.6.1.5.5.7.6.43", 0, SignatureAlgorithm.MLDSA65_RSA4096_PSS_SHA512),
  /** Composite MLDSA65-RSA4096-PKCS15-SHA512: an ML-DSA-65 key and an RSA key in one. */
  MLDSA65_RSA4096_PKCS15_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA65-RSA4096-PKCS15-SHA512", "1.3.6.1.5.5.7.6.44", 0, SignatureAlgorithm.MLDSA65_RSA4096_PKCS15_SHA512),
  /** Composite MLDSA65-ECDSA-P256-SHA512: an ML-DSA-65 key and an EC secp256r1 key in one. */
  MLDSA65_ECDSA_P256_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA65-ECDSA-P256-SHA512", "1.3.6.1.5.5.7.6.45", 0, SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512),
  /** Composite MLDSA65-ECDSA-P384-SHA512: an ML-DSA-65 key and an EC secp384r1 key in one. */
  MLDSA65_ECDSA_P384_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA65-ECDSA-P384-SHA512", "1.3.6.1.5.5.7.6.46", 0, SignatureAlgorithm.MLDSA65_ECDSA_P384_SHA512),
  /** Composite MLDSA65-ECDSA-brainpoolP256r1-SHA512: an ML-DSA-65 key and an EC brainpoolP256r1 key in one. */
  MLDSA65_ECDSA_BRAINPOOLP256R1_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA65-ECDSA-brainpoolP256r1-SHA512", "1.3.6.1.5.5.7.6.47", 0, SignatureAlgorithm.MLDSA65_ECDSA_BRAINPOOLP256R1_SHA512),
  /** Composite MLDSA65-Ed25519-SHA512: an ML-DSA-65 key and an Ed25519 key in one. */
  MLDSA65_ED25519_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA65-Ed25519-SHA512", "1.3.6.1.5.5.7.6.48", 0, SignatureAlgorithm.MLDSA65_ED25519_SHA512),
  /** Composite MLDSA87-ECDSA-P384-SHA512: an ML-DSA-87 key and an EC secp384r1 key in one. */
  MLDSA87_ECDSA_P384_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA87-ECDSA-P384-SHA512", "1.3.6.1.5.5.7.6.49", 0, SignatureAlgorithm.MLDSA87_ECDSA_P384_SHA512),
  /** Composite MLDSA87-ECDSA-brainpoolP384r1-SHA512: an ML-DSA-87 key and an EC brainpoolP384r1 key in one. */
  MLDSA87_ECDSA_BRAINPOOLP384R1_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA87-ECDSA-brainpoolP384r1-SHA512", "1.3.6.1.5.5.7.6.50", 0, SignatureAlgorithm.MLDSA87_ECDSA_BRAINPOOLP384R1_SHA512),
  /** Composite MLDSA87-Ed448-SHAKE256: an ML-DSA-87 key and an Ed448 key in one. */
  MLDSA87_ED448_SHAKE256(KeyFamily.COMPOSITE_ML_DSA, "MLDSA87-Ed448-SHAKE256", "1.3.6.1.5.5.7.6.51", 0, SignatureAlgorithm.MLDSA87_ED448_SHAKE256),
  /** Composite MLDSA87-RSA3072-PSS-SHA512: an ML-DSA-87 key and an RSA key in one. */
  MLDSA87_RSA3072_PSS_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA87-RSA3072-PSS-SHA512", "1.3.6.1.5.5.7.6.52", 0, SignatureAlgorithm.MLDSA87_RSA3072_PSS_SHA512),
  /** Composite MLDSA87-RSA4096-PSS-SHA512: an ML-DSA-87 key and an RSA key in one. */
  MLDSA87_RSA4096_PSS_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA87-RSA4096-PSS-SHA512", "1.3.6.1.5.5.7.6.53", 0, SignatureAlgorithm.MLDSA87_RSA4096_PSS_SHA512),
  /** Composite MLDSA87-ECDSA-P521-SHA512: an ML-DSA-87 key and an EC secp521r1 key in one. */
  MLDSA87_ECDSA_P521_SHA512(KeyFamily.COMPOSITE_ML_DSA, "MLDSA87-ECDSA-P521-SHA512", "1.3.6.1.5.5.7.6.54", 0, SignatureAlgorithm.MLDSA87_ECDSA_P521_SHA512);

  private static final String EC_PUBLIC_KEY_OID = "1.2.840.10045.2.1";

  private final KeyFamily family;
  private final String displayName;
  private final String oid;
  private final int bits;
  private final SignatureAlgorithm defaultSignatureAlgorithm;

  KeyAlgorithm(
      KeyFamily family, String displayName, String oid, int bits, SignatureAlgorithm defaultSignature) {
    this.family = family;
    this.displayName = displayName;
    this.oid = oid;
    this.bits = bits;
    this.defaultSignatureAlgorithm = defaultSignature;
  }

  /** The key family. */
  public KeyFamily family() {
    return family;
  }

  /** A short human-readable name such as {@code "EC P-256"}. */
  public String displayName() {
    return displayName;
  }

  /**
   * The OID that identifies this key type: the named curve for EC keys, the algorithm for the
   * others ({@code rsaEncryption} for every RSA size; for ML-DSA and composite keys the same OID
   * as their signature algorithm).
   */
  public String oid() {
    return oid;
  }

  /** Curve size or modulus length in bits; 0 for ML-DSA and composite keys (see the name). */
  public int bits() {
    return bits;
  }

  /** The signature algorithm used when the caller names none. */
  public SignatureAlgorithm defaultSignatureAlgorithm() {
    return defaultSignatureAlgorithm;
  }

  /** The algorithm of an existing public key, or empty when it is not one of these. */
  public static Optional<KeyAlgorithm> of(PublicKey key) {
    Optional<KeyFamily> family = KeyFamily.of(key);
    if (family.isEmpty()) {
      return Optional.empty();
    }
    switch (family.get()) {
      case ML_DSA:
      case COMPOSITE_ML_DSA:
        return Spki.algorithmOid(key).flatMap(oid -> find(family.get(), oid, -1));
      case EC:
        if (!Spki.algorithmOid(key).filter(EC_PUBLIC_KEY_OID::equals).isPresent()) {
          return Optional.empty();
        }
        return Spki.namedCurveOid(key).flatMap(curve -> find(KeyFamily.EC, curve, -1));
      case ED25519:
        return Optional.of(ED25519);
      case RSA:
        return key instanceof RSAPublicKey
            ? find(KeyFamily.RSA, null, ((RSAPublicKey) key).getModulus().bitLength())
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** A human-readable description of any public key: the display name, or the JCA algorithm. */
  public static String describe(PublicKey key) {
    return of(key)
        .map(KeyAlgorithm::displayName)
        .orElseGet(
            () ->
                key instanceof RSAPublicKey
                    ? "RSA " + ((RSAPublicKey) key).getModulus().bitLength()
                    : key.getAlgorithm());
  }

  private static Optional<KeyAlgorithm> find(KeyFamily family, String curveOid, int bits) {
    for (KeyAlgorithm candidate : values()) {
      if (candidate.family == family
          && (curveOid == null || candidate.oid.equals(curveOid))
          && (bits < 0 || candidate.bits == bits)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
