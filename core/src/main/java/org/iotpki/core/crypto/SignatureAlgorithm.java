// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Signature algorithms for certificates, CSRs and CRLs, identified by their X.509 OIDs.
 *
 * <p>Post-quantum: ML-DSA (FIPS 204, RFC 9881) and the composite ML-DSA signatures of the LAMPS
 * composite-signatures draft with their final IANA OIDs (1.3.6.1.5.5.7.6.37 to 54), whose
 * domain separation BouncyCastle (1.84 and later) applies; HashML-DSA (FIPS 204 pre-hash with
 * SHA-512) for protocols that need it. ML-DSA, HashML-DSA and composite signatures can carry a
 * {@link SignatureContext}.
 */
public enum SignatureAlgorithm {
  /** ecdsa-with-SHA256 (RFC 5758). */
  ECDSA_SHA256("1.2.840.10045.4.3.2", "SHA256withECDSA", KeyFamily.EC, false),
  /** ecdsa-with-SHA384 (RFC 5758). */
  ECDSA_SHA384("1.2.840.10045.4.3.3", "SHA384withECDSA", KeyFamily.EC, false),
  /** ecdsa-with-SHA512 (RFC 5758). */
  ECDSA_SHA512("1.2.840.10045.4.3.4", "SHA512withECDSA", KeyFamily.EC, false),
  /** Ed25519 (RFC 8410). */
  ED25519("1.3.101.112", "Ed25519", KeyFamily.ED25519, false),
  /** sha256WithRSAEncryption, PKCS #1 v1.5 (RFC 4055). */
  RSA_PKCS1_SHA256("1.2.840.113549.1.1.11", "SHA256withRSA", KeyFamily.RSA, true),
  /** sha384WithRSAEncryption, PKCS #1 v1.5 (RFC 4055). */
  RSA_PKCS1_SHA384("1.2.840.113549.1.1.12", "SHA384withRSA", KeyFamily.RSA, true),
  /** sha512WithRSAEncryption, PKCS #1 v1.5 (RFC 4055). */
  RSA_PKCS1_SHA512("1.2.840.113549.1.1.13", "SHA512withRSA", KeyFamily.RSA, true),
  /** ML-DSA-44 (FIPS 204, RFC 9881), pure mode. */
  ML_DSA_44("2.16.840.1.101.3.4.3.17", "ML-DSA-44", KeyFamily.ML_DSA, false),
  /** ML-DSA-65 (FIPS 204, RFC 9881), pure mode. */
  ML_DSA_65("2.16.840.1.101.3.4.3.18", "ML-DSA-65", KeyFamily.ML_DSA, false),
  /** ML-DSA-87 (FIPS 204, RFC 9881), pure mode. */
  ML_DSA_87("2.16.840.1.101.3.4.3.19", "ML-DSA-87", KeyFamily.ML_DSA, false),
  /**
   * HashML-DSA-44 with SHA-512 (FIPS 204 pre-hash, id-hash-ml-dsa-44-with-sha512): signs the
   * SHA-512 digest of the message with an ML-DSA-44 key. For protocols that sign large data in one
   * pass; X.509 and CMS use the pure mode (RFC 9881, RFC 9882).
   */
  HASH_ML_DSA_44_SHA512("2.16.840.1.101.3.4.3.32", "ML-DSA-44-WITH-SHA512", ML_DSA_44),
  /** HashML-DSA-65 with SHA-512 (id-hash-ml-dsa-65-with-sha512), with an ML-DSA-65 key. */
  HASH_ML_DSA_65_SHA512("2.16.840.1.101.3.4.3.33", "ML-DSA-65-WITH-SHA512", ML_DSA_65),
  /** HashML-DSA-87 with SHA-512 (id-hash-ml-dsa-87-with-sha512), with an ML-DSA-87 key. */
  HASH_ML_DSA_87_SHA512("2.16.840.1.101.3.4.3.34", "ML-DSA-87-WITH-SHA512", ML_DSA_87),
  /** Composite MLDSA44-RSA2048-PSS-SHA256 (id-MLDSA44-RSA2048-PSS-SHA256, 1.3.6.1.5.5.7.6.37). */
  MLDSA44_RSA2048_PSS_SHA256("1.3.6.1.5.5.7.6.37", "MLDSA44-RSA2048-PSS-SHA256", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA44-RSA2048-PKCS15-SHA256 (id-MLDSA44-RSA2048-PKCS15-SHA256, 1.3.6.1.5.5.7.6.38). */
  MLDSA44_RSA2048_PKCS15_SHA256("1.3.6.1.5.5.7.6.38", "MLDSA44-RSA2048-PKCS15-SHA256", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA44-Ed25519-SHA512 (id-MLDSA44-Ed25519-SHA512, 1.3.6.1.5.5.7.6.39). */
  MLDSA44_ED25519_SHA512("1.3.6.1.5.5.7.6.39", "MLDSA44-Ed25519-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA44-ECDSA-P256-SHA256 (id-MLDSA44-ECDSA-P256-SHA256, 1.3.6.1.5.5.7.6.40). */
  MLDSA44_ECDSA_P256_SHA256("1.3.6.1.5.5.7.6.40", "MLDSA44-ECDSA-P256-SHA256", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA65-RSA3072-PSS-SHA512 (id-MLDSA65-RSA3072-PSS-SHA512, 1.3.6.1.5.5.7.6.41). */
  MLDSA65_RSA3072_PSS_SHA512("1.3.6.1.5.5.7.6.41", "MLDSA65-RSA3072-PSS-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA65-RSA3072-PKCS15-SHA512 (id-MLDSA65-RSA3072-PKCS15-SHA512, 1.3.6.1.5.5.7.6.42). */
  MLDSA65_RSA3072_PKCS15_SHA512("1.3.6.1.5.5.7.6.42", "MLDSA65-RSA3072-PKCS15-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA65-RSA4096-PSS-SHA512 (id-MLDSA65-RSA4096-PSS-SHA512, 1.3.6.1.5.5.7.6.43). */
  MLDSA65_RSA4096_PSS_SHA512("1.3.6.1.5.5.7.6.43", "MLDSA65-RSA4096-PSS-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA65-RSA4096-PKCS15-SHA512 (id-MLDSA65-RSA4096-PKCS15-SHA512, 1.3.6.1.5.5.7.6.44). */
  MLDSA65_RSA4096_PKCS15_SHA512("1.3.6.1.5.5.7.6.44", "MLDSA65-RSA4096-PKCS15-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA65-ECDSA-P256-SHA512 (id-MLDSA65-ECDSA-P256-SHA512, 1.3.6.1.5.5.7.6.45). */
  MLDSA65_ECDSA_P256_SHA512("1.3.6.1.5.5.7.6.45", "MLDSA65-ECDSA-P256-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA65-ECDSA-P384-SHA512 (id-MLDSA65-ECDSA-P384-SHA512, 1.3.6.1.5.5.7.6.46). */
  MLDSA65_ECDSA_P384_SHA512("1.3.6.1.5.5.7.6.46", "MLDSA65-ECDSA-P384-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA65-ECDSA-brainpoolP256r1-SHA512 (id-MLDSA65-ECDSA-brainpoolP256r1-SHA512, 1.3.6.1.5.5.7.6.47). */
  MLDSA65_ECDSA_BRAINPOOLP256R1_SHA512("1.3.6.1.5.5.7.6.47", "MLDSA65-ECDSA-brainpoolP256r1-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA65-Ed25519-SHA512 (id-MLDSA65-Ed25519-SHA512, 1.3.6.1.5.5.7.6.48). */
  MLDSA65_ED25519_SHA512("1.3.6.1.5.5.7.6.48", "MLDSA65-Ed25519-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA87-ECDSA-P384-SHA512 (id-MLDSA87-ECDSA-P384-SHA512, 1.3.6.1.5.5.7.6.49). */
  MLDSA87_ECDSA_P384_SHA512("1.3.6.1.5.5.7.6.49", "MLDSA87-ECDSA-P384-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA87-ECDSA-brainpoolP384r1-SHA512 (id-MLDSA87-ECDSA-brainpoolP384r1-SHA512, 1.3.6.1.5.5.7.6.50). */
  MLDSA87_ECDSA_BRAINPOOLP384R1_SHA512("1.3.6.1.5.5.7.6.50", "MLDSA87-ECDSA-brainpoolP384r1-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA87-Ed448-SHAKE256 (id-MLDSA87-Ed448-SHAKE256, 1.3.6.1.5.5.7.6.51). */
  MLDSA87_ED448_SHAKE256("1.3.6.1.5.5.7.6.51", "MLDSA87-Ed448-SHAKE256", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA87-RSA3072-PSS-SHA512 (id-MLDSA87-RSA3072-PSS-SHA512, 1.3.6.1.5.5.7.6.52). */
  MLDSA87_RSA3072_PSS_SHA512("1.3.6.1.5.5.7.6.52", "MLDSA87-RSA3072-PSS-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA87-RSA4096-PSS-SHA512 (id-MLDSA87-RSA4096-PSS-SHA512, 1.3.6.1.5.5.7.6.53). */
  MLDSA87_RSA4096_PSS_SHA512("1.3.6.1.5.5.7.6.53", "MLDSA87-RSA4096-PSS-SHA512", KeyFamily.COMPOSITE_ML_DSA, false),
  /** Composite MLDSA87-ECDSA-P521-SHA512 (id-MLDSA87-ECDSA-P521-SHA512, 1.3.6.1.5.5.7.6.54). */
  MLDSA87_ECDSA_P521_SHA512("1.3.6.1.5.5.7.6.54", "MLDSA87-ECDSA-P521-SHA512", KeyFamily.COMPOSITE_ML_DSA, false);

  private final String oid;
  private final String jcaName;
  private final KeyFamily keyFamily;
  private final boolean nullParameters;
  private final String keyOid;

  SignatureAlgorithm(String oid, String jcaName, KeyFamily keyFamily, boolean nullParameters) {
    this.oid = oid;
    this.jcaName = jcaName;
    this.keyFamily = keyFamily;
    this.nullParameters = nullParameters;
    this.keyOid = oid;
  }

  /** A pre-hash variant signing with the keys of the pure algorithm {@code keysOf}. */
  SignatureAlgorithm(String oid, String jcaName, SignatureAlgorithm keysOf) {
    this.oid = oid;
    this.jcaName = jcaName;
    this.keyFamily = keysOf.keyFamily;
    this.nullParameters = false;
    this.keyOid = keysOf.oid;
  }

  /** The algorithm's OID in an X.509 AlgorithmIdentifier. */
  public String oid() {
    return oid;
  }

  /** The JCA {@code Signature} name. */
  public String jcaName() {
    return jcaName;
  }

  /** The family of keys that produce and verify this signature. */
  public KeyFamily keyFamily() {
    return keyFamily;
  }

  /**
   * Whether the AlgorithmIdentifier carries an explicit NULL parameter (RSA, RFC 4055) rather
   * than none at all (ECDSA, EdDSA: RFC 5758, RFC 8410).
   */
  public boolean hasNullParameters() {
    return nullParameters;
  }

  /**
   * Whether this is HashML-DSA (FIPS 204 pre-hash): the signature covers a digest of the message,
   * so it differs from, and does not verify as, a pure ML-DSA signature.
   */
  public boolean isPreHash() {
    return !keyOid.equals(oid);
  }

  /**
   * Whether {@code key} is of the kind this algorithm needs: of its family, and for ML-DSA and
   * composite algorithms exactly its parameter set (an ML-DSA-65 key cannot make ML-DSA-44
   * signatures; an ML-DSA-44 key makes both ML-DSA-44 and HashML-DSA-44 signatures).
   */
  public boolean isCompatibleWith(PublicKey key) {
    if (!KeyFamily.of(key).filter(keyFamily::equals).isPresent()) {
      return false;
    }
    return !keyFamily.isPostQuantum() || Spki.algorithmOid(key).filter(keyOid::equals).isPresent();
  }

  /** The algorithm with this OID, or empty when iotpki does not support it. */
  public static Optional<SignatureAlgorithm> fromOid(String oid) {
    for (SignatureAlgorithm candidate : values()) {
      if (candidate.oid.equals(oid)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
