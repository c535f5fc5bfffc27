package org.iotpki.matter.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.iotpki.core.audit.AuditVerification;
import org.iotpki.core.audit.FileAuditTrail;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.cert.KeyUsage;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.OpenSsl;
import org.iotpki.core.testing.Vectors;
import org.iotpki.core.validation.ChainValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatterPkiTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2046-01-01T00:00:00Z");
  private static MatterCa paa;
  private static MatterCa pai;

  @TempDir Path dir;

  @BeforeAll
  static void hierarchy() {
    paa = MatterPki.createPaa("iotpki Test PAA", OptionalInt.of(0xFFF1), FROM, UNTIL);
    pai = paa.issuePai("iotpki Test PAI", 0xFFF1, OptionalInt.of(0x8000), FROM, UNTIL);
  }

  @Test
  void issuesTheMatterProfile() throws Exception {
    KeyPair device = KeyPairs.generate(KeyAlgorithm.EC_P256);

    X509Certificate dac = pai.issueDac(device.getPublic(), 0xFFF1, 0x8000, "iotpki Test DAC 0001");

    CertificateSummary summary = CertificateSummary.of(dac);
    assertThat(summary.version()).isEqualTo(3);
    assertThat(summary.signatureAlgorithmOid()).isEqualTo("1.2.840.10045.4.3.2");
    assertThat(summary.publicKeyAlgorithm()).isEqualTo("EC P-256");
    assertThat(summary.basicConstraints()).contains(BasicConstraints.endEntity());
    assertThat(summary.keyUsage()).containsExactly(KeyUsage.DIGITAL_SIGNATURE);
    assertThat(summary.criticalExtensionOids()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
    assertThat(summary.subjectKeyIdentifierHex()).hasValueSatisfying(skid -> assertThat(skid).hasSize(40));
    assertThat(summary.authorityKeyIdentifierHex()).isEqualTo(CertificateSummary.of(pai.certificate()).subjectKeyIdentifierHex());
    assertThat(summary.notAfter()).isEqualTo(MatterCa.NO_EXPIRATION);
    assertThat(dac.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64);
    // Subject: CN, then matter-vid and matter-pid as UTF8String "FFF1" / "8000", in that order.
    String subject = HexFormat.of().formatHex(dac.getSubjectX500Principal().getEncoded());
    String vid = "060a2b0601040182a27c0201" + "0c04" + HexFormat.of().formatHex("FFF1".getBytes(StandardCharsets.US_ASCII));
    String pid = "060a2b0601040182a27c0202" + "0c04" + HexFormat.of().formatHex("8000".getBytes(StandardCharsets.US_ASCII));
    assertThat(subject).contains(vid).contains(pid);
    assertThat(subject.indexOf("0603550403")).isLessThan(subject.indexOf(vid)); // CN first
    assertThat(subject.indexOf(vid)).isLessThan(subject.indexOf(pid));
    assertThat(CertificateSummary.of(pai.certificate()).basicConstraints()).contains(BasicConstraints.ca(0));
    assertThat(CertificateSummary.of(paa.certificate()).basicConstraints()).contains(BasicConstraints.ca(1));
    assertThat(CertificateSummary.of(pai.certificate()).keyUsage()).containsExactlyInAnyOrder(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN);
    assertThat(ChainValidator.builder().trustAnchor(paa.certificate()).build()
        .validate(List.of(dac, pai.certificate()), Instant.parse("2030-01-01T00:00:00Z")).isValid()).isTrue();
  }

  @Test
  void openSslVerifiesTheChainStrictly() throws Exception {
    OpenSsl.require();
    X509Certificate dac = pai.issueDac(KeyPairs.generate(KeyAlgorithm.EC_P256).getPublic(), 0xFFF1, 0x8000, "DAC for OpenSSL");
    Files.writeString(dir.resolve("paa.pem"), PemEncoder.certificate(paa.certificate()));
    Files.writeString(dir.resolve("pai.pem"), PemEncoder.certificate(pai.certificate()));
    Files.writeString(dir.resolve("dac.pem"), PemEncoder.certificate(dac));

    OpenSsl.Result result = OpenSsl.run(dir, "verify", "-x509_strict", "-CAfile", "paa.pem", "-untrusted", "pai.pem", "dac.pem");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void issuesUnderTheConnectedhomeipTestPaiItsPaaAccepts() throws Exception {
    PkiReader reader = PkiReader.defaults();
    X509Certificate chipPaa = reader.readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-PAA-FFF1-Cert.pem"));
    X509Certificate chipPai = reader.readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-PAI-FFF1-8000-Cert.pem"));
    MatterCa published = MatterCa.of(chipPai, reader.readPrivateKey(Vectors.bytes("connectedhomeip/Chip-Test-PAI-FFF1-8000-Key.pem")));

    X509Certificate dac = published.issueDac(KeyPairs.generate(KeyAlgorithm.EC_P256).getPublic(), 0xFFF1, 0x8000, "iotpki DAC");

    assertThat(published.vendorId()).hasValue(0xFFF1);
    assertThat(published.productId()).hasValue(0x8000);
    assertThat(ChainValidator.builder().trustAnchor(chipPaa).build()
        .validate(List.of(dac, chipPai), Instant.parse("2030-01-01T00:00:00Z")).isValid()).isTrue();
    assertThatThrownBy(() -> MatterCa.of(chipPai, pai.credential().privateKey())).hasMessageContaining("does not belong");
    assertThatThrownBy(() -> MatterCa.of(dac, pai.credential().privateKey())).hasMessageContaining("not a CA");
  }

  @Test
  void refusesKeysAndIdsOutsideTheProfile() {
    KeyPair p384 = KeyPairs.generate(KeyAlgorithm.EC_P384);
    KeyPair p256 = KeyPairs.generate(KeyAlgorithm.EC_P256);

    assertThatThrownBy(() -> pai.issueDac(p384.getPublic(), 0xFFF1, 0x8000, "x")).hasMessageContaining("P-256");
    assertThatThrownBy(() -> pai.issueDac(p256.getPublic(), 0xFFF2, 0x8000, "x")).hasMessageContaining("vendor 0xFFF1");
    assertThatThrownBy(() -> pai.issueDac(p256.getPublic(), 0xFFF1, 0x8001, "x")).hasMessageContaining("product 0x8000");
    assertThatThrownBy(() -> paa.issuePai("x", 0x10000, OptionalInt.empty(), FROM, UNTIL)).hasMessageContaining("16 bits");
  }

  @Test
  void aBatchOfTenThousandDacsIsIssuedAndAudited() throws Exception {
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      serials.add(String.format(java.util.Locale.ROOT, "SN-%06d", i));
    }
    Path auditFile = dir.resolve("batch.audit");

    try (FileAuditTrail audit = FileAuditTrail.open(auditFile)) {
      List<DacCredential> batch = pai.issueBatch(0xFFF1, 0x8000, serials, audit, "line-1");

      assertThat(batch).hasSize(10_000);
      assertThat(batch).extracting(DacCredential::deviceSerial).containsExactlyElementsOf(serials);
      assertThat(batch.stream().map(c -> c.dac().getSerialNumber()).distinct().count()).isEqualTo(10_000);
      assertThat(audit.verify()).isInstanceOfSatisfying(
          AuditVerification.Intact.class, intact -> assertThat(intact.records()).isEqualTo(10_000));
      DacCredential one = batch.get(4242);
      assertThat(audit.findByDeviceSerial("SN-004242")).singleElement()
          .satisfies(r -> assertThat(r.certificateSerial()).isEqualTo(one.dac().getSerialNumber().toString(16)));
      assertThat(ChainValidator.builder().trustAnchor(paa.certificate()).build()
          .validate(List.of(one.dac(), pai.certificate()), Instant.now().plus(Duration.ofDays(1))).isValid()).isTrue();
    }
  }
}
