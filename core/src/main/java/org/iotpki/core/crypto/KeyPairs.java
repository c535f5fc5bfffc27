// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Objects;

/** Generates key pairs for the {@link KeyAlgorithm}s iotpki supports. */
public final class KeyPairs {
  private KeyPairs() {}

  /** A new key pair from the {@linkplain ProviderStrategy#defaults() default providers} and a default {@link SecureRandom}. */
  public static KeyPair generate(KeyAlgorithm algorithm) {
    return generate(algorithm, ProviderStrategy.defaults(), new SecureRandom());
  }

  /**
   * A new key pair from the provider the strategy picks.
   *
   * @throws IllegalStateException if that provider cannot generate this key type: a
   *     configuration error, not a condition to handle at run time
   */
  public static KeyPair generate(
      KeyAlgorithm algorithm, ProviderStrategy providers, SecureRandom random) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(random, "random");
    try {
      if (algorithm.family() == KeyFamily.COMPOSITE_ML_DSA) {
        return CompositeKeys.generate(algorithm, providers, random);
      }
      String jcaName = jcaName(algorithm);
      KeyPairGenerator generator =
          KeyPairGenerator.getInstance(jcaName, providers.provider("KeyPairGenerator", jcaName));
      initialize(generator, algorithm, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + algorithm.displayName() + " key", e);
    }
  }

  /**
   * The key pair of a private key, its public key derived from it: for a key file that holds no
   * public key (a PKCS#8 key without the optional field, a SEC1 key).
   *
   * @throws IllegalArgumentException for a key whose public key cannot be derived here (a handle
   *     to a key in a token, a composite key): take the public key from its certificate instead
   */
  public static KeyPair fromPrivateKey(PrivateKey privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    return new KeyPair(DerivedPublicKeys.of(privateKey), privateKey);
  }

  private static String jcaName(KeyAlgorithm algorithm) {
    switch (algorithm.family()) {
      case EC:
        return "EC";
      case ED25519:
        return "Ed25519";
      case RSA:
        return "RSA";
      case ML_DSA:
        return algorithm.displayName(); // "ML-DSA-44": the standard name in BC and JDK 24+
      default:
        throw new AssertionError(algorithm);
    }
  }

  private static void initialize(
      KeyPairGenerator generator, KeyAlgorithm algorithm, SecureRandom random)
      throws InvalidAlgorithmParameterException {
    switch (algorithm.family()) {
      case EC:
        generator.initialize(new ECGenParameterSpec(algorithm.oid()), random);
        break;
      case RSA:
        generator.initialize(algorithm.bits(), random);
        break;
      case ED25519:
        // The algorithm name fixes the curve; only the randomness is ours to give.
        generator.initialize(255, random);
        break;
      case ML_DSA:
        generator.initialize(new NamedParameterSpec(algorithm.displayName()), random);
        break;
      default:
        throw new AssertionError(algorithm);
    }
  }
}
