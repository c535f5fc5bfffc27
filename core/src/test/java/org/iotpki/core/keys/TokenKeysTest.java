// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.cert.CsrBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.testing.OpenSsl;
import org.iotpki.core.testing.SoftHsm;
import org.iotpki.core.validation.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys generated in, found in and signing in a real PKCS#11 token: SoftHSM2 through SunPKCS11. */
class TokenKeysTest {
  private static final byte[] DATA = "to be signed on the token".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path directory;

  private static String uniqueLabel() {
    return "key-" + UUID.randomUUID();
  }

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_2048"})
  void aKeyGeneratedOnTheTokenIsFoundAgainAfterANewLoginAndSigns(KeyAlgorithm algorithm) throws Exception {
    String label = uniqueLabel();
    TokenKey generated = SoftHsm.token().open().generate(label, algorithm);

    TokenKey found = SoftHsm.token().open().find(label).orElseThrow();

    assertThat(KeyAlgorithm.of(found.signer().publicKey())).contains(algorithm);
    assertThat(found.signer().publicKey().getEncoded()).isEqualTo(generated.signer().publicKey().getEncoded());
    byte[] signature = found.signer().sign(DATA);
    assertThat(SignatureVerifier.bouncyCastle()
        .verify(found.signer().algorithm().oid(), generated.certificate().getPublicKey(), DATA, signature)
        .isValid()).isTrue();
  }

  @Test
  void thePrivateKeyCannotBeReadOutOfTheToken() throws Exception {
    TokenKeys keys = SoftHsm.token().open();
    TokenKey key = keys.generate(uniqueLabel(), KeyAlgorithm.EC_P256);

    assertThat(key.privateKey().getEncoded()).isNull();
    assertThat(key.privateKey().toString()).contains("token object", "sensitive", "unextractable");
    assertThatThrownBy(() -> KeyFactory.getInstance("EC", keys.provider())
            .getKeySpec(key.privateKey(), PKCS8EncodedKeySpec.class))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void aCsrSignedOnTheTokenVerifiesWithOpenSsl() throws Exception {
    OpenSsl.require();
    TokenKey key = SoftHsm.token().open().generate(uniqueLabel(), KeyAlgorithm.EC_P256);

    CertificationRequest csr = CsrBuilder.create().subject("CN=sensor-0042").sign(key.signer());
    Files.writeString(directory.resolve("csr.pem"), PemEncoder.certificationRequest(csr));
    OpenSsl.Result result = OpenSsl.run(directory, "req", "-in", "csr.pem", "-verify", "-noout", "-text");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("verify OK").contains("CN = sensor-0042");
    assertThat(csr.publicKey().getEncoded()).isEqualTo(key.certificate().getPublicKey().getEncoded());
  }

  @Test
  void severalThreadsSignAtOnceWithOneTokenKey() throws Exception {
    TokenKey key = SoftHsm.token().open().generate(uniqueLabel(), KeyAlgorithm.EC_P256);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> signatures = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        signatures.add(pool.submit(() -> key.signer().sign(DATA)));
      }
      for (Future<byte[]> signature : signatures) {
        assertThat(SignatureVerifier.bouncyCastle()
            .verify(key.signer().algorithm().oid(), key.certificate().getPublicKey(), DATA, signature.get())
            .isValid()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSecondKeyWithTheSameLabelIsRefused() throws Exception {
    TokenKeys keys = SoftHsm.token().open();
    String label = uniqueLabel();
    keys.generate(label, KeyAlgorithm.EC_P256);

    assertThatThrownBy(() -> keys.generate(label, KeyAlgorithm.EC_P256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(label);
  }

  @Test
  void anUnknownLabelFindsNothing() throws Exception {
    assertThat(SoftHsm.token().open().find(uniqueLabel())).isEmpty();
  }

  @Test
  void mlDsaIsRefusedWhereTheTokenOrJdkCannotGenerateIt() throws Exception {
    TokenKeys keys = SoftHsm.token().open();
    // SoftHSM2 2.6 has no ML-DSA mechanism, and SunPKCS11 asks the token for one.
    assertThat(keys.provider().getService("KeyPairGenerator", "ML-DSA-65")).isNull();

    assertThatThrownBy(() -> keys.generate(uniqueLabel(), KeyAlgorithm.ML_DSA_65))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ML-DSA-65");
  }

  @Test
  void anUnknownTokenLabelIsNamedInTheError() {
    Pkcs11Token missing = Pkcs11Token.builder()
        .library(SoftHsm.token().library())
        .tokenLabel("no-such-token")
        .pin(PinSource.of(SoftHsm.PIN.toCharArray()))
        .build();

    assertThatThrownBy(missing::open)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-token")
        .hasMessageContaining(SoftHsm.TOKEN_LABEL);
  }
}
