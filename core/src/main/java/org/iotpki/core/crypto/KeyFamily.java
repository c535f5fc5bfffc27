package org.iotpki.core.crypto;

import java.security.PublicKey;
import java.util.Locale;
import java.util.Optional;

/** The mathematical family of a key: which signature algorithms can use it. */
public enum KeyFamily {
  /** Elliptic-curve keys for ECDSA (NIST curves). */
  EC,
  /** Edwards-curve Ed25519 keys (RFC 8032, RFC 8410). */
  ED25519,
  /** RSA keys. */
  RSA;

  /** The family of a JCA key, from its algorithm name, or empty when iotpki does not know it. */
  public static Optional<KeyFamily> of(PublicKey key) {
    String algorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
    switch (algorithm) {
      case "EC":
      case "ECDSA":
        return Optional.of(EC);
      case "ED25519":
        return Optional.of(ED25519);
      case "EDDSA":
        // JDK and BC name both Ed25519 and Ed448 keys "EdDSA"; the encoded OID tells them apart.
        return Spki.algorithmOid(key).filter(KeyAlgorithm.ED25519.oid()::equals).map(oid -> ED25519);
      case "RSA":
        return Optional.of(RSA);
      default:
        return Optional.empty();
    }
  }
}
