// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.iotpki.core.validation.ChainFailure;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HashML-DSA (FIPS 204 pre-hash) and context strings, on BouncyCastle and (for pure ML-DSA) the JDK. */
class MlDsaModesTest {
  private static final byte[] DATA = "firmware image 1.4.2".getBytes(StandardCharsets.US_ASCII);
  private static final SignatureContext CONTEXT = SignatureContext.of("iotpki fw-update v1");
  private static final SignatureVerifier BC = SignatureVerifier.bouncyCastle();

  @ParameterizedTest
  @EnumSource(value = SignatureAlgorithm.class, names = {"HASH_ML_DSA_44_SHA512", "HASH_ML_DSA_65_SHA512", "HASH_ML_DSA_87_SHA512"})
  void preHashSignaturesVerifyOnlyAsPreHash(SignatureAlgorithm preHash) throws Exception {
    KeyAlgorithm keys = KeyAlgorithm.valueOf(preHash.name().replace("HASH_", "").replace("_SHA512", ""));
    KeyPair pair = KeyPairs.generate(keys);
    SignatureAlgorithm pure = keys.defaultSignatureAlgorithm();

    byte[] signature = Signer.of(pair, preHash).sign(DATA);

    assertThat(preHash.isPreHash()).isTrue();
    assertThat(pure.isPreHash()).isFalse();
    assertThat(BC.verify(preHash.oid(), pair.getPublic(), DATA, signature))
        .isEqualTo(new SignatureResult.Valid(preHash));
    assertThat(BC.verify(pure.oid(), pair.getPublic(), DATA, signature).isValid())
        .as("a HashML-DSA signature is no pure ML-DSA signature").isFalse();
    assertThat(BC.verify(preHash.oid(), pair.getPublic(), DATA, Signer.of(pair).sign(DATA)).isValid())
        .as("a pure signature is no HashML-DSA signature").isFalse();
  }

  @Test
  void preHashIdentifiersAreTheNistOids() {
    assertThat(SignatureAlgorithm.fromOid("2.16.840.1.101.3.4.3.32")).contains(SignatureAlgorithm.HASH_ML_DSA_44_SHA512);
    assertThat(SignatureAlgorithm.fromOid("2.16.840.1.101.3.4.3.33")).contains(SignatureAlgorithm.HASH_ML_DSA_65_SHA512);
    assertThat(SignatureAlgorithm.fromOid("2.16.840.1.101.3.4.3.34")).contains(SignatureAlgorithm.HASH_ML_DSA_87_SHA512);
  }

  @Test
  void aPreHashAlgorithmTakesOnlyKeysOfItsParameterSet() {
    KeyPair mlDsa65 = KeyPairs.generate(KeyAlgorithm.ML_DSA_65);

    assertThatThrownBy(() -> Signer.of(mlDsa65, SignatureAlgorithm.HASH_ML_DSA_44_SHA512))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(BC.verify(SignatureAlgorithm.HASH_ML_DSA_44_SHA512.oid(), mlDsa65.getPublic(), DATA, new byte[2420]))
        .isInstanceOfSatisfying(SignatureResult.Invalid.class,
            invalid -> assertThat(invalid.reason()).isEqualTo(ChainFailure.KEY_ALGORITHM_MISMATCH));
  }

  @ParameterizedTest
  @EnumSource(value = SignatureAlgorithm.class, names = {"ML_DSA_44", "HASH_ML_DSA_65_SHA512", "MLDSA44_ECDSA_P256_SHA256"})
  void aContextMustMatch(SignatureAlgorithm algorithm) throws Exception {
    KeyAlgorithm keys = KeyAlgorithm.valueOf(algorithm.name().replace("HASH_", "").replace("_SHA512", ""));
    KeyPair pair = KeyPairs.generate(keys);

    byte[] signature = Signer.of(pair, algorithm, ProviderStrategy.bouncyCastle(), CONTEXT).sign(DATA);

    assertThat(BC.verify(algorithm.oid(), pair.getPublic(), DATA, signature, CONTEXT).isValid()).isTrue();
    assertThat(BC.verify(algorithm.oid(), pair.getPublic(), DATA, signature).isValid())
        .as("verified without the context").isFalse();
    assertThat(BC.verify(algorithm.oid(), pair.getPublic(), DATA, signature, SignatureContext.of("iotpki fw-update v2")))
        .isInstanceOfSatisfying(SignatureResult.Invalid.class,
            invalid -> assertThat(invalid.reason()).isEqualTo(ChainFailure.SIGNATURE_INVALID));
  }

  /** The JDK's ML-DSA (24+) takes no context; jdkFirst() finds no provider for NAME/context and uses BC. */
  @Test
  void contextSignaturesWorkWithTheJdkFirstStrategy() throws Exception {
    KeyPair pair = KeyPairs.generate(KeyAlgorithm.ML_DSA_44, ProviderStrategy.jdkFirst(), new SecureRandom());
    SignatureVerifier jdkFirst = SignatureVerifier.using(ProviderStrategy.jdkFirst());

    byte[] signature = Signer.of(pair, SignatureAlgorithm.ML_DSA_44, ProviderStrategy.jdkFirst(), CONTEXT).sign(DATA);

    assertThat(jdkFirst.verify(SignatureAlgorithm.ML_DSA_44.oid(), pair.getPublic(), DATA, signature, CONTEXT).isValid()).isTrue();
    assertThat(BC.verify(SignatureAlgorithm.ML_DSA_44.oid(), pair.getPublic(), DATA, signature, CONTEXT).isValid()).isTrue();
  }

  @Test
  void contextsAreBoundedAndOnlyForPostQuantumAlgorithms() {
    KeyPair ec = KeyPairs.generate(KeyAlgorithm.EC_P256);

    assertThatThrownBy(() -> SignatureContext.of(new byte[256])).isInstanceOf(IllegalArgumentException.class);
    assertThat(SignatureContext.of(new byte[255]).bytes()).hasSize(255);
    assertThat(SignatureContext.of(new byte[0])).isEqualTo(SignatureContext.empty());
    assertThatThrownBy(() -> Signer.of(ec, SignatureAlgorithm.ECDSA_SHA256, ProviderStrategy.bouncyCastle(), CONTEXT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BC.verify(SignatureAlgorithm.ECDSA_SHA256.oid(), ec.getPublic(), DATA, new byte[70], CONTEXT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
