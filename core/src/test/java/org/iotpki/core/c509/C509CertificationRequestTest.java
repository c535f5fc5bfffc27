// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.c509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Arrays;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.cert.CsrBuilder;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.validation.ChainFailure;
import org.iotpki.core.validation.SignatureResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class C509CertificationRequestTest {

  private static CsrBuilder request() {
    return CsrBuilder.create()
        .subject("CN=sensor-0042,O=iotpki")
        .subjectAltNames(GeneralName.dns("sensor-0042.example"))
        .challengePassword("one-time-secret".toCharArray());
  }

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "ED25519", "RSA_2048"})
  void nativeRequestsProvePossessionAndRejectTampering(KeyAlgorithm algorithm) throws Exception {
    KeyPair key = KeyPairs.generate(algorithm);

    C509CertificationRequest c509 = request().signC509(Signer.of(key));

    assertThat(c509.type()).isEqualTo(C509Type.NATIVE);
    assertThat(c509.subject().getName()).isEqualTo("CN=sensor-0042,O=iotpki");
    assertThat(c509.publicKey(ProviderStrategy.bouncyCastle()).getEncoded()).isEqualTo(key.getPublic().getEncoded());
    assertThat(c509.verifySignature().isValid()).isTrue();
    assertThat(C509CertificationRequest.decode(c509.encoded())).isEqualTo(c509);
    assertThatThrownBy(c509::toCertificationRequest).isInstanceOf(C509ConversionException.class);

    byte[] tampered = c509.encoded();
    tampered[tampered.length - 2] ^= 0x01;
    assertThat(C509CertificationRequest.decode(tampered).verifySignature()).isInstanceOfSatisfying(
        SignatureResult.Invalid.class, invalid -> assertThat(invalid.reason()).isEqualTo(ChainFailure.SIGNATURE_INVALID));
  }

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "ED25519", "RSA_2048"})
  void pkcs10RequestsReencodeByteForByte(KeyAlgorithm algorithm) throws Exception {
    CertificationRequest pkcs10 = CsrBuilder.create().subject("CN=device,O=iotpki").sign(Signer.of(KeyPairs.generate(algorithm)));

    C509CertificationRequest c509 = C509CertificationRequest.encode(pkcs10);
    C509CertificationRequest decoded = C509CertificationRequest.decode(c509.encoded());

    assertThat(decoded.type()).isEqualTo(C509Type.REENCODED);
    assertThat(decoded.toCertificationRequest().encoded()).isEqualTo(pkcs10.encoded());
    assertThat(decoded.verifySignature().isValid()).isTrue();
    assertThat(c509.size()).isLessThan(pkcs10.encoded().length);
  }

  @Test
  void rejectsTruncatedRequests() throws Exception {
    byte[] valid = request().signC509(Signer.of(KeyPairs.generate(KeyAlgorithm.EC_P256))).encoded();

    for (int length = 0; length < valid.length; length++) {
      byte[] truncated = Arrays.copyOf(valid, length);
      assertThatThrownBy(() -> C509CertificationRequest.decode(truncated)).as("truncated to %d", length)
          .isInstanceOf(C509FormatException.class);
    }
  }
}
