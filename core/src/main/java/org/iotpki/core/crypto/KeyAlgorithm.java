package org.iotpki.core.crypto;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * Key types iotpki generates, each with the signature algorithm it uses by default.
 *
 * <p>The post-quantum module adds ML-DSA and composite keys to this model.
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
  RSA_4096(KeyFamily.RSA, "RSA 4096", "1.2.840.113549.1.1.1", 4096, SignatureAlgorithm.RSA_PKCS1_SHA256);

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
   * others ({@code rsaEncryption} for every RSA size).
   */
  public String oid() {
    return oid;
  }

  /** Curve size or modulus length in bits. */
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
