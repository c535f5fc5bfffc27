// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

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
  RSA,
  /** ML-DSA keys (FIPS 204, RFC 9881). */
  ML_DSA,
  /** Composite ML-DSA keys: an ML-DSA key and a traditional key (LAMPS composite signatures). */
  COMPOSITE_ML_DSA;

  private static final String ML_DSA_OID_PREFIX = "2.16.840.1.101.3.4.3.";
  private static final String COMPOSITE_OID_PREFIX = "1.3.6.1.5.5.7.6.";

  /** The families of post-quantum key OIDs, built once (KeyAlgorithm refers to KeyFamily). */
  private static final class PostQuantumOids {
    static final java.util.Map<String, KeyFamily> FAMILIES = families();

    private static java.util.Map<String, KeyFamily> families() {
      java.util.Map<String, KeyFamily> families = new java.util.HashMap<>();
      for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
        if (algorithm.family().isPostQuantum()) {
          families.put(algorithm.oid(), algorithm.family());
        }
      }
      return java.util.Map.copyOf(families);
    }
  }

  /** Whether keys of this family are post-quantum (alone or in a composite). */
  public boolean isPostQuantum() {
    return this == ML_DSA || this == COMPOSITE_ML_DSA;
  }

  /** The family of a JCA key, or empty when iotpki does not know it. */
  public static Optional<KeyFamily> of(PublicKey key) {
    // Classical keys are known by name (no parsing on the validation hot path). Post-quantum keys
    // are known by their SubjectPublicKeyInfo OID: providers name them differently ("ML-DSA-44",
    // "ML-DSA", "COMPOSITE", or the OID on JDKs without them).
    switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
      case "EC":
      case "ECDSA":
        return Optional.of(EC);
      case "ED25519":
        return Optional.of(ED25519);
      case "RSA":
        return Optional.of(RSA);
      default:
        break;
    }
    Optional<String> oid = Spki.algorithmOid(key);
    if (oid.isEmpty()) {
      return Optional.empty();
    }
    if (oid.get().equals(KeyAlgorithm.ED25519.oid())) {
      return Optional.of(ED25519); // named "EdDSA" by JDK and BC, like Ed448 keys
    }
    if (oid.get().startsWith(ML_DSA_OID_PREFIX) || oid.get().startsWith(COMPOSITE_OID_PREFIX)) {
      return Optional.ofNullable(PostQuantumOids.FAMILIES.get(oid.get()));
    }
    return Optional.empty();
  }
}
