// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.jcajce.CompositePrivateKey;
import org.bouncycastle.jcajce.CompositePublicKey;

/**
 * Generates composite ML-DSA key pairs from their two components.
 *
 * <p>BouncyCastle's own composite KeyPairGenerator looks its component generators up by provider
 * name, which only works when BC is registered globally; iotpki never does that, so it makes the
 * components itself and joins them.
 */
final class CompositeKeys {
  private CompositeKeys() {}

  static KeyPair generate(KeyAlgorithm composite, ProviderStrategy providers, SecureRandom random)
      throws GeneralSecurityException {
    // Names read "MLDSA44-ECDSA-P256-SHA256", "MLDSA65-RSA3072-PSS-SHA512", "MLDSA87-Ed448-SHAKE256".
    String[] parts = composite.displayName().split("-");
    KeyPair mlDsa = KeyPairs.generate(mlDsa(parts[0]), providers, random);
    KeyPair traditional = traditional(parts, providers, random);
    ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(composite.oid());
    return new KeyPair(
        new CompositePublicKey(oid, mlDsa.getPublic(), traditional.getPublic()),
        new CompositePrivateKey(oid, mlDsa.getPrivate(), traditional.getPrivate()));
  }

  private static KeyAlgorithm mlDsa(String part) {
    switch (part) {
      case "MLDSA44":
        return KeyAlgorithm.ML_DSA_44;
      case "MLDSA65":
        return KeyAlgorithm.ML_DSA_65;
      case "MLDSA87":
        return KeyAlgorithm.ML_DSA_87;
      default:
        throw new AssertionError(part);
    }
  }

  private static KeyPair traditional(String[] parts, ProviderStrategy providers, SecureRandom random)
      throws GeneralSecurityException {
    String kind = parts[1];
    if (kind.startsWith("RSA")) {
      return generator("RSA", providers, random, Integer.parseInt(kind.substring(3)), null);
    }
    if (kind.equals("ECDSA")) {
      return generator("EC", providers, random, 0, curve(parts[2]));
    }
    return generator(kind, providers, random, 0, null); // Ed25519, Ed448
  }

  private static String curve(String name) {
    switch (name) {
      case "P256":
        return "secp256r1";
      case "P384":
        return "secp384r1";
      case "P521":
        return "secp521r1";
      default:
        return name; // brainpoolP256r1, brainpoolP384r1
    }
  }

  private static KeyPair generator(
      String algorithm, ProviderStrategy providers, SecureRandom random, int bits, String curve)
      throws GeneralSecurityException {
    KeyPairGenerator generator =
        KeyPairGenerator.getInstance(algorithm, providers.provider("KeyPairGenerator", algorithm));
    if (curve != null) {
      generator.initialize(new ECGenParameterSpec(curve), random);
    } else if (bits > 0) {
      generator.initialize(bits, random);
    } else {
      generator.initialize(algorithm.equals("Ed448") ? 448 : 255, random);
    }
    return generator.generateKeyPair();
  }
}
