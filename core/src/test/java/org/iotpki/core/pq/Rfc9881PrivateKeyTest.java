// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.pq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.MlDsaPrivateKeyForm;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.validation.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 9881 ML-DSA private keys: the RFC's own examples in all three forms, and writing them. */
class Rfc9881PrivateKeyTest {
  private static final byte[] DATA = "RFC 9881".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({"44, seed", "44, expanded", "44, both", "65, seed", "65, expanded", "65, both",
      "87, seed", "87, expanded", "87, both"})
  void everyFormOfTheRfcExampleKeysHasTheRfcExamplePublicKey(String set, String form) throws Exception {
    PublicKey expected = PkiReader.defaults().readPublicKey(vector("ML-DSA-" + set + ".pub"));
    for (ProviderStrategy providers : new ProviderStrategy[] {ProviderStrategy.bouncyCastle(), ProviderStrategy.jdkFirst()}) {
      PrivateKey key = PkiReader.builder().providers(providers).build()
          .readPrivateKey(vector("ML-DSA-" + set + "-" + form + ".priv"));

      assertThat(KeyPairs.fromPrivateKey(key).getPublic().getEncoded()).isEqualTo(expected.getEncoded());
      byte[] signature = Signer.of(new KeyPair(expected, key)).sign(DATA);
      assertThat(SignatureVerifier.bouncyCastle().verify(oid(set),
          expected, DATA, signature).isValid()).isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource({"44, SEED, seed", "44, EXPANDED, expanded", "44, BOTH, both", "87, SEED, seed",
      "87, EXPANDED, expanded", "87, BOTH, both"})
  void writesEachFormByteForByteAsTheRfc(String set, MlDsaPrivateKeyForm form, String file) throws Exception {
    PrivateKey key = PkiReader.defaults().readPrivateKey(vector("ML-DSA-" + set + "-seed.priv"));

    assertThat(PemEncoder.privateKey(key, form))
        .isEqualTo(new String(vector("ML-DSA-" + set + "-" + file + ".priv"), StandardCharsets.US_ASCII));
  }

  @Test
  void theDefaultFormIsTheSeedWhereKnownAndExpandedOtherwise() throws Exception {
    PrivateKey fromBoth = PkiReader.defaults().readPrivateKey(vector("ML-DSA-65-both.priv"));
    PrivateKey fromExpanded = PkiReader.defaults().readPrivateKey(vector("ML-DSA-65-expanded.priv"));

    assertThat(PemEncoder.privateKey(fromBoth)).isEqualTo(text("ML-DSA-65-seed.priv"));
    assertThat(PemEncoder.privateKey(fromExpanded)).isEqualTo(text("ML-DSA-65-expanded.priv"));
    assertThatThrownBy(() -> PemEncoder.privateKey(fromExpanded, MlDsaPrivateKeyForm.SEED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no seed");
    assertThatThrownBy(() -> PemEncoder.privateKey(KeyPairs.generate(KeyAlgorithm.EC_P256).getPrivate(), MlDsaPrivateKeyForm.SEED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
  void generatedKeysAreWrittenAsTheirSeedAndReadBackByEitherProvider(KeyAlgorithm algorithm) throws Exception {
    for (ProviderStrategy generating : new ProviderStrategy[] {ProviderStrategy.bouncyCastle(), ProviderStrategy.jdkFirst()}) {
      KeyPair pair = KeyPairs.generate(algorithm, generating, new SecureRandom());
      boolean hasSeed = PemEncoder.privateKey(pair.getPrivate()).length() < 200; // a JDK 24+ key has none
      for (MlDsaPrivateKeyForm form : hasSeed ? MlDsaPrivateKeyForm.values() : new MlDsaPrivateKeyForm[] {MlDsaPrivateKeyForm.EXPANDED}) {
        String pem = PemEncoder.privateKey(pair.getPrivate(), form);
        for (ProviderStrategy reading : new ProviderStrategy[] {ProviderStrategy.bouncyCastle(), ProviderStrategy.jdkFirst()}) {
          PrivateKey read = PkiReader.builder().providers(reading).build().readPrivateKey(pem.getBytes(StandardCharsets.US_ASCII));
          byte[] signature = Signer.of(new KeyPair(pair.getPublic(), read), algorithm.defaultSignatureAlgorithm(), reading).sign(DATA);
          assertThat(SignatureVerifier.bouncyCastle().verify(algorithm.oid(), pair.getPublic(), DATA, signature).isValid())
              .as("%s written as %s, read by %s", algorithm, form, reading).isTrue();
        }
      }
    }
  }

  /** RFC 9881 Appendix C.4: the first (seed and expanded key disagree) and second (wrong tr) examples. */
  @ParameterizedTest
  @CsvSource({"bad-ML-DSA-44-1.priv", "bad-ML-DSA-44-2.priv"})
  void inconsistentKeysAreTypedParseErrors(String file) {
    assertThatThrownBy(() -> PkiReader.defaults().readPrivateKey(vector(file)))
        .isInstanceOf(PkiParseException.class).hasMessageContaining("ML-DSA");
  }

  private static String oid(String set) {
    return KeyAlgorithm.valueOf("ML_DSA_" + set).oid();
  }

  private static String text(String name) throws Exception {
    return new String(vector(name), StandardCharsets.US_ASCII);
  }

  private static byte[] vector(String name) throws Exception {
    try (InputStream in = Rfc9881PrivateKeyTest.class.getResourceAsStream("/vectors/rfc9881/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
