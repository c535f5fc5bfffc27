// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.c509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.cert.KeyPurpose;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.testing.HandMade;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.testing.Vectors;
import org.iotpki.core.validation.ChainFailure;
import org.iotpki.core.validation.SignatureResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class C509CertificateTest {

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "ED25519", "RSA_2048"})
  void nativeCertificatesVerifyWithTheIssuerKeyAndRejectTampering(KeyAlgorithm algorithm) throws Exception {
    Issuer root = Issuer.root("CN=C509 Root", algorithm);
    KeyPair device = KeyPairs.generate(algorithm);

    C509Certificate certificate =
        CertificateBuilder.create()
            .subject("CN=sensor-0042")
            .publicKey(device.getPublic())
            .issuer(root.certificate())
            .validity(Issuer.NOW, Issuer.NOW.plus(Duration.ofDays(30)))
            .extendedKeyUsage(KeyPurpose.CLIENT_AUTH)
            .subjectAltNames(GeneralName.dns("sensor-0042.example"))
            .signC509(Signer.of(root.keyPair()));

    assertThat(certificate.type()).isEqualTo(C509Type.NATIVE);
    assertThat(certificate.subject().getName()).isEqualTo("CN=sensor-0042");
    assertThat(certificate.issuer().getName()).isEqualTo("CN=C509 Root");
    assertThat(certificate.notAfter()).contains(Issuer.NOW.plus(Duration.ofDays(30)));
    assertThat(certificate.publicKey(ProviderStrategy.bouncyCastle()).getEncoded()).isEqualTo(device.getPublic().getEncoded());
    assertThat(certificate.extensions()).extracting(e -> e.oid()).contains("2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.17");
    assertThat(certificate.verifySignature(root.certificate().getPublicKey()).isValid()).isTrue();
    assertThat(C509Certificate.decode(certificate.encoded())).isEqualTo(certificate);

    byte[] tampered = certificate.encoded();
    tampered[tampered.length - 2] ^= 0x01; // inside the signature value
    SignatureResult result = C509Certificate.decode(tampered).verifySignature(root.certificate().getPublicKey());
    assertThat(result).isInstanceOfSatisfying(
        SignatureResult.Invalid.class, invalid -> assertThat(invalid.reason()).isEqualTo(ChainFailure.SIGNATURE_INVALID));
    assertThat(certificate.verifySignature(KeyPairs.generate(algorithm).getPublic()).isValid()).isFalse();
  }

  @Test
  void nativeCertificatesHaveNoX509Form() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    C509Certificate certificate =
        CertificateBuilder.create()
            .subject("CN=native")
            .publicKey(key.getPublic())
            .validity(Issuer.NOW, Issuer.NOW.plus(Duration.ofDays(1)))
            .basicConstraints(BasicConstraints.caUnlimited())
            .signC509(Signer.of(key));

    assertThatThrownBy(certificate::toX509Certificate)
        .isInstanceOf(C509ConversionException.class)
        .hasMessageContaining("no X.509 form");
    assertThat(certificate.verifySignature(key.getPublic()).isValid()).isTrue();
  }

  @Test
  void aMatterDacReencodesAndVerifiesUnderItsPai() throws Exception {
    X509Certificate dac = org.iotpki.core.io.PkiReader.defaults()
        .readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-DAC-FFF1-8000-0000-Cert.der"));
    X509Certificate pai = org.iotpki.core.io.PkiReader.defaults()
        .readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-PAI-FFF1-8000-Cert.der"));

    C509Certificate c509 = C509Certificate.encode(dac);

    assertThat(c509.size()).isLessThan(dac.getEncoded().length * 2 / 3);
    assertThat(c509.notAfter()).isEmpty(); // 99991231235959Z: no well-defined expiration
    assertThat(C509Certificate.decode(c509.encoded()).toX509Certificate()).isEqualTo(dac);
    assertThat(c509.verifySignature(pai.getPublicKey()).isValid()).isTrue();
  }

  @Test
  void keepsUnusualStringTypesByteForByte() throws Exception {
    Issuer root = Issuer.root("CN=Root", KeyAlgorithm.EC_P256);
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    X509Certificate bmpName = HandMade.signedByWithSubject(
        root, new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, new DERBMPString("bmp-device")).build(), key.getPublic());

    assertThat(C509Certificate.encode(bmpName).toX509Certificate()).isEqualTo(bmpName);
  }

  @Test
  void refusesCertificatesItCannotReencodeByteForByte() throws Exception {
    // RFC 8410's example certificate writes DEFAULT values (critical FALSE, cA FALSE) that DER
    // leaves out: C509 would rebuild canonical DER, and the signature would no longer verify.
    X509Certificate nonDer = org.iotpki.core.io.PkiReader.defaults()
        .readCertificate(Vectors.bytes("rfc8410/x25519-certificate.pem"));
    X509Certificate dac = org.iotpki.core.io.PkiReader.defaults()
        .readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-DAC-FFF1-8000-0000-Cert.der"));

    assertThatThrownBy(() -> C509Certificate.encode(nonDer))
        .isInstanceOf(C509ConversionException.class)
        .hasMessageContaining("C509");
    C509SizeReport report = C509SizeReport.of(List.of(dac, nonDer));
    assertThat(report.entries().get(0).c509Bytes()).isPresent();
    assertThat(report.entries().get(1).c509Bytes()).isEmpty();
    assertThat(report.entries().get(1).notEncodable()).isPresent();
    assertThat(report.totalC509Bytes()).isLessThan(report.totalDerBytes());
  }

  @Test
  void rejectsMalformedCborWithTheTypedException() throws Exception {
    byte[] valid = C509Certificate.encode(org.iotpki.core.io.PkiReader.defaults()
        .readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-PAA-FFF1-Cert.der"))).encoded();

    for (int length = 0; length < valid.length; length++) {
      byte[] truncated = Arrays.copyOf(valid, length);
      assertThatThrownBy(() -> C509Certificate.decode(truncated)).as("truncated to %d", length)
          .isInstanceOf(C509FormatException.class);
    }
    assertThatThrownBy(() -> C509Certificate.decode(Arrays.copyOf(valid, valid.length + 1)))
        .isInstanceOf(C509FormatException.class);
    byte[] hugeArray = {(byte) 0x9b, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    assertThatThrownBy(() -> C509Certificate.decode(hugeArray)).isInstanceOf(C509FormatException.class);
    byte[] wrongType = valid.clone();
    wrongType[1] = 0x07; // c509CertificateType 7
    assertThatThrownBy(() -> C509Certificate.decode(wrongType)).isInstanceOf(C509FormatException.class);
    assertThatThrownBy(() -> C509Certificate.decode(new byte[C509Certificate.MAX_ENCODED_BYTES + 1]))
        .isInstanceOf(C509FormatException.class)
        .hasMessageContaining("exceeds the limit");
  }

  @Test
  void noExpirationRoundTripsAsEmptyNotAfter() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.ED25519);
    X509Certificate forever =
        CertificateBuilder.create()
            .subject("CN=forever")
            .publicKey(key.getPublic())
            .validity(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"))
            .basicConstraints(BasicConstraints.caUnlimited())
            .sign(Signer.of(key));

    C509Certificate c509 = C509Certificate.encode(forever);

    assertThat(c509.notAfter()).isEmpty();
    assertThat(c509.toX509Certificate()).isEqualTo(forever);
  }
}
