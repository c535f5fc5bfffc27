// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A signature made with one provider verifies with the other, whichever made the keys. */
class ProviderInterchangeTest {
  private static final byte[] DATA = "tbsCertificate stand-in".getBytes(StandardCharsets.UTF_8);
  private static final ProviderStrategy BC = ProviderStrategy.bouncyCastle();
  private static final ProviderStrategy JDK = ProviderStrategy.jdkFirst();

  /** On JDK 24+ the JDK has its own ML-DSA, so these runs cross BC and the JDK in both directions. */
  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "ED25519", "RSA_2048", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
  void signaturesVerifyAcrossProviders(KeyAlgorithm algorithm) throws Exception {
    for (ProviderStrategy keys : new ProviderStrategy[] {BC, JDK}) {
      KeyPair pair = KeyPairs.generate(algorithm, keys, new SecureRandom());
      assertThat(KeyAlgorithm.of(pair.getPublic())).contains(algorithm);
      for (ProviderStrategy signing : new ProviderStrategy[] {BC, JDK}) {
        byte[] signature = Signer.of(pair, algorithm.defaultSignatureAlgorithm(), signing).sign(DATA);
        for (ProviderStrategy verifying : new ProviderStrategy[] {BC, JDK}) {
          SignatureResult result =
              SignatureVerifier.using(verifying)
                  .verify(algorithm.defaultSignatureAlgorithm().oid(), pair.getPublic(), DATA, signature);
          assertThat(result.isValid())
              .as("%s keys from %s, signed by %s, verified by %s", algorithm, name(keys), name(signing), name(verifying))
              .isTrue();
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "ED25519", "RSA_2048", "ML_DSA_44", "MLDSA44_ECDSA_P256_SHA256"})
  void aChangedMessageOrForeignKeyDoesNotVerify(KeyAlgorithm algorithm) throws Exception {
    KeyPair pair = KeyPairs.generate(algorithm);
    KeyPair other = KeyPairs.generate(algorithm);
    byte[] signature = Signer.of(pair).sign(DATA);
    byte[] changed = DATA.clone();
    changed[0] ^= 1;
    String oid = algorithm.defaultSignatureAlgorithm().oid();

    assertThat(SignatureVerifier.bouncyCastle().verify(oid, pair.getPublic(), changed, signature).isValid()).isFalse();
    assertThat(SignatureVerifier.bouncyCastle().verify(oid, other.getPublic(), DATA, signature).isValid()).isFalse();
  }

  private static String name(ProviderStrategy strategy) {
    return strategy == BC ? "BC" : "JDK";
  }

  /** One operation handed to another provider; every other one stays with the strategy. */
  @org.junit.jupiter.api.Test
  void anOperationCanBeHandedToAnotherProvider() {
    java.security.Provider sun = java.security.Security.getProvider("SUN");
    ProviderStrategy strategy = ProviderStrategy.defaults().overriding("Signature", "ML-DSA-65", sun);

    assertThat(strategy.provider("Signature", "ML-DSA-65")).isSameAs(sun);
    assertThat(strategy.provider("Signature", "ML-DSA-44")).isSameAs(ProviderStrategy.bouncyCastle().provider("Signature", "ML-DSA-44"));
    assertThat(strategy.provider("KeyPairGenerator", "ML-DSA-65")).isNotSameAs(sun);
  }
}
