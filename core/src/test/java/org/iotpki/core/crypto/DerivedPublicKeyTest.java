// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DerivedPublicKeyTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class,
      names = {"EC_P256", "EC_P384", "ED25519", "RSA_2048", "ML_DSA_44"})
  void derivesThePublicKeyOfAPrivateKey(KeyAlgorithm algorithm) {
    KeyPair generated = KeyPairs.generate(algorithm);

    KeyPair derived = KeyPairs.fromPrivateKey(generated.getPrivate());

    assertThat(derived.getPublic().getEncoded()).isEqualTo(generated.getPublic().getEncoded());
  }

  @Test
  void derivesTheKeyOfAnOpenSslSec1KeyWithoutItsPublicPart() throws Exception {
    OpenSsl.Result made = OpenSsl.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout",
        "-out", "k.pem");
    assertThat(made.exitCode()).as(made.output()).isZero();
    OpenSsl.Result pub = OpenSsl.run(dir, "pkey", "-in", "k.pem", "-pubout", "-out", "pub.pem");
    assertThat(pub.exitCode()).as(pub.output()).isZero();

    KeyPair derived = KeyPairs.fromPrivateKey(
        PkiReader.defaults().readPrivateKey(Files.readAllBytes(dir.resolve("k.pem"))));

    assertThat(derived.getPublic().getEncoded()).isEqualTo(
        PkiReader.defaults().readPublicKey(dir.resolve("pub.pem")).getEncoded());
  }

  @Test
  void refusesWhatItCannotDerive() {
    KeyPair composite = KeyPairs.generate(KeyAlgorithm.MLDSA44_ECDSA_P256_SHA256);

    assertThatThrownBy(() -> KeyPairs.fromPrivateKey(composite.getPrivate()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
