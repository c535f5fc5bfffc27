// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import java.security.PublicKey;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Reads the algorithm identifier of a key's X.509 SubjectPublicKeyInfo encoding. */
final class Spki {
  private Spki() {}

  /** The key's algorithm OID, or empty when the key has no X.509 encoding. */
  static Optional<String> algorithmOid(PublicKey key) {
    return info(key).map(spki -> spki.getAlgorithm().getAlgorithm().getId());
  }

  /** The named-curve OID of an EC key, or empty for other keys and explicit curve parameters. */
  static Optional<String> namedCurveOid(PublicKey key) {
    return info(key)
        .map(spki -> spki.getAlgorithm().getParameters())
        .filter(ASN1ObjectIdentifier.class::isInstance)
        .map(parameters -> ((ASN1ObjectIdentifier) parameters).getId());
  }

  private static Optional<SubjectPublicKeyInfo> info(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null || !"X.509".equals(key.getFormat())) {
      return Optional.empty();
    }
    try {
      return Optional.of(SubjectPublicKeyInfo.getInstance(encoded));
    } catch (RuntimeException malformed) {
      // A key object from a provider we do not know, with an encoding BC cannot read.
      return Optional.empty();
    }
  }
}
