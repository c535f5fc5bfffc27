// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.cert.KeyPurpose;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.validation.ChainFailure;
import org.iotpki.core.validation.ChainResult;
import org.iotpki.core.validation.ChainValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TestCaTest {

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "ED25519", "RSA_2048"})
  void issuesDeviceCredentialsThatValidateUnderTheRoot(KeyAlgorithm algorithm) throws Exception {
    TestCa root = TestCa.builder().keyAlgorithm(algorithm).build();
    TestCa issuing = root.intermediate("CN=Test Issuing CA");

    Credential device = issuing.issue("CN=sensor-0042");

    assertThat(device.chain()).containsExactly(device.certificate(), issuing.certificate());
    assertThat(issuing.chainToRoot()).containsExactly(issuing.certificate(), root.certificate());
    assertThat(KeyAlgorithm.of(device.certificate().getPublicKey())).contains(algorithm);
    ChainResult result = ChainValidator.builder().trustAnchor(root.root()).build().validate(device.chain());
    assertThat(result.isValid()).as("%s", result).isTrue();
    assertThat(CertificateSummary.of(device.certificate()).extendedKeyUsage())
        .containsExactly(KeyPurpose.CLIENT_AUTH, KeyPurpose.SERVER_AUTH);
  }

  @Test
  void certifiesAKeyTheDeviceKeepsAndAppliesTheCustomizer() throws Exception {
    TestCa root = TestCa.create();
    KeyPair deviceKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    Instant notAfter = Instant.parse("2099-01-01T00:00:00Z");

    X509Certificate certificate =
        root.issue("CN=keeps-its-key", deviceKey.getPublic(), builder -> builder.validity(Instant.now(), notAfter));

    assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(deviceKey.getPublic().getEncoded());
    assertThat(certificate.getNotAfter().toInstant()).isEqualTo(notAfter);
    assertThat(certificate.getIssuerX500Principal()).isEqualTo(root.certificate().getSubjectX500Principal());
  }

  @Test
  void aFixedClockMakesExpiryTestable() throws Exception {
    Instant then = Instant.parse("2020-01-01T00:00:00Z");
    TestCa root = TestCa.builder().clock(Clock.fixed(then, ZoneOffset.UTC)).build();
    Credential device = root.issue("CN=old-device");

    ChainResult now = ChainValidator.builder().trustAnchor(root.certificate()).build().validate(device.chain());

    assertThat(now).isInstanceOfSatisfying(
        ChainResult.Invalid.class, invalid -> assertThat(invalid.reason()).isEqualTo(ChainFailure.EXPIRED));
    assertThat(
            ChainValidator.builder()
                .trustAnchor(root.certificate())
                .build()
                .validate(List.of(device.certificate()), then.plus(Duration.ofDays(1)))
                .isValid())
        .isTrue();
  }
}
