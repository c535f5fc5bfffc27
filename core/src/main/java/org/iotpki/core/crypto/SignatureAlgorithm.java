package org.iotpki.core.crypto;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Signature algorithms for certificates, CSRs and CRLs, identified by their X.509 OIDs.
 *
 * <p>The post-quantum module adds ML-DSA and composite algorithms to this model.
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
  RSA_PKCS1_SHA512("1.2.840.113549.1.1.13", "SHA512withRSA", KeyFamily.RSA, true);

  private final String oid;
  private final String jcaName;
  private final KeyFamily keyFamily;
  private final boolean nullParameters;

  SignatureAlgorithm(String oid, String jcaName, KeyFamily keyFamily, boolean nullParameters) {
    this.oid = oid;
    this.jcaName = jcaName;
    this.keyFamily = keyFamily;
    this.nullParameters = nullParameters;
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

  /** Whether {@code key} is of the family this algorithm needs. */
  public boolean isCompatibleWith(PublicKey key) {
    return KeyFamily.of(key).filter(keyFamily::equals).isPresent();
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
