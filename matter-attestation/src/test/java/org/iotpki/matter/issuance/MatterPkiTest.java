// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.iotpki.core.audit.AuditVerification;
import org.iotpki.core.audit.FileAuditTrail;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.cert.CsrBuilder;
import org.iotpki.core.cert.KeyUsage;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.OpenSsl;
import org.iotpki.core.testing.Vectors;
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.matter.attestation.AttestationCertType;
import org.iotpki.matter.attestation.CertificationDeclaration;
import org.iotpki.matter.attestation.MatterCertificateLinter;
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
  void theDerOutIssuanceIsTheSameProfile() throws Exception {
    KeyPair device = KeyPairs.generate(KeyAlgorithm.EC_P256);

    byte[] der = pai.issueDacDer(device.getPublic(), 0xFFF1, 0x8000, "iotpki DAC DER", FROM, MatterCa.NO_EXPIRATION);

    X509Certificate dac = PkiReader.defaults().readCertificate(der);
    X509Certificate reference = pai.issueDac(device.getPublic(), 0xFFF1, 0x8000, "iotpki DAC DER", FROM, MatterCa.NO_EXPIRATION);
    assertThat(dac.getEncoded()).isEqualTo(der);
    assertThat(dac.getSubjectX500Principal()).isEqualTo(reference.getSubjectX500Principal());
    assertThat(CertificateSummary.of(dac).extensionOids()).isEqualTo(CertificateSummary.of(reference).extensionOids());
    assertThat(MatterCertificateLinter.lint(dac, AttestationCertType.DAC)).isEmpty();
    dac.verify(pai.certificate().getPublicKey());
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

  @Test
  void issuesFromAnOpenSslCsrAndKeepsTheMatterSubject() throws Exception {
    OpenSsl.Result key = OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "device-key.pem");
    assertThat(key.exitCode()).as(key.output()).isZero();
    OpenSsl.Result csr = OpenSsl.run(dir, "req", "-new", "-key", "device-key.pem", "-subj", "/CN=chosen by the device/O=Evil",
        "-outform", "DER", "-out", "device.csr");
    assertThat(csr.exitCode()).as(csr.output()).isZero();
    CertificationRequest request = CertificationRequest.decode(Files.readAllBytes(dir.resolve("device.csr")));

    X509Certificate dac = pai.issueDac(request, 0xFFF1, 0x8000, "iotpki DAC from CSR", FROM, MatterCa.NO_EXPIRATION);

    assertThat(dac.getPublicKey().getEncoded()).isEqualTo(request.publicKey().getEncoded());
    assertThat(dac.getSubjectX500Principal().getName()).contains("CN=iotpki DAC from CSR").doesNotContain("Evil");
    OpenSsl.Result publicKey = OpenSsl.run(dir, "pkey", "-in", "device-key.pem", "-pubout", "-outform", "DER", "-out", "device-pub.der");
    assertThat(publicKey.exitCode()).as(publicKey.output()).isZero();
    assertThat(dac.getPublicKey().getEncoded()).isEqualTo(Files.readAllBytes(dir.resolve("device-pub.der")));
  }

  @Test
  void refusesACsrWhoseSignatureDoesNotVerify() throws Exception {
    KeyPair device = KeyPairs.generate(KeyAlgorithm.EC_P256);
    byte[] der = CsrBuilder.create().subject("CN=device").sign(Signer.of(device)).encoded();
    der[der.length - 5] ^= 0x01; // inside the signature value

    CertificationRequest forged = CertificationRequest.decode(der);

    assertThatThrownBy(() -> pai.issueDac(forged, 0xFFF1, 0x8000, "x", FROM, UNTIL))
        .isInstanceOf(SignatureException.class).hasMessageContaining("does not verify");
    CertificationRequest p384 = CsrBuilder.create().subject("CN=device").sign(Signer.of(KeyPairs.generate(KeyAlgorithm.EC_P384)));
    assertThatThrownBy(() -> pai.issueDac(p384, 0xFFF1, 0x8000, "x", FROM, UNTIL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-256");
  }

  @Test
  void signsCertificationDeclarationsInTheSdkEnvelope() throws Exception {
    // connectedhomeip's sTestCMS_CDContent01 and sTestCMS_SignedMessage01, signed with its test CD key.
    byte[] content = hex("vectors/attestation/cd/cd-content-01.hex");
    byte[] sdkEnvelope = hex("vectors/attestation/cd/cd-cms-signed-01.hex");
    PkiReader reader = PkiReader.defaults();
    CdSigner sdkSigner = CdSigner.of(
        reader.readCertificate(resource("vectors/attestation/cd/Chip-Test-CD-Signing-Cert.pem")),
        reader.readPrivateKey(resource("vectors/attestation/cd/Chip-Test-CD-Signing-Key.pem")));
    CertificationDeclaration declaration = CertificationDeclaration.decode(content);

    // ECDSA signatures are random and their DER length varies: sign until the length matches the
    // SDK's, then everything before the signature value must be the SDK's bytes.
    int signatureLength = derSignatureLength(sdkEnvelope);
    byte[] ours = sdkSigner.sign(declaration);
    for (int attempt = 0; attempt < 64 && ours.length != sdkEnvelope.length; attempt++) {
      ours = sdkSigner.sign(declaration);
    }

    assertThat(HexFormat.of().formatHex(ours, 0, ours.length - signatureLength))
        .isEqualTo(HexFormat.of().formatHex(sdkEnvelope, 0, sdkEnvelope.length - signatureLength));
    assertThat(HexFormat.of().formatHex(sdkSigner.keyId())).isEqualTo("62fa823359acfaa9963e1cfa140addf504f37160");
  }

  @Test
  void openSslVerifiesASignedCd() throws Exception {
    OpenSsl.require();
    CdSigner signer = MatterPki.createCdSigner("iotpki Test CD Signer", FROM, UNTIL);
    CertificationDeclaration declaration = new CertificationDeclaration(1, 0xFFF1, List.of(0x8000, 0x8001), 0x16,
        "ZIG20142ZB330003-24", 0, 0, 0x2694, 0, OptionalInt.empty(), OptionalInt.empty(), Optional.empty());
    Files.write(dir.resolve("cd.der"), signer.sign(declaration));
    Files.writeString(dir.resolve("signer.pem"), PemEncoder.certificate(signer.certificate()));

    OpenSsl.Result result = OpenSsl.run(dir, "cms", "-verify", "-inform", "DER", "-in", "cd.der", "-binary",
        "-certfile", "signer.pem", "-CAfile", "signer.pem", "-purpose", "any", "-out", "content.tlv");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(CertificationDeclaration.decode(Files.readAllBytes(dir.resolve("content.tlv")))).isEqualTo(declaration);
    assertThatThrownBy(() -> CdSigner.of(signer.certificate(), pai.credential().privateKey()))
        .hasMessageContaining("does not belong");
  }

  /** The length of the DER signature value in a CMS envelope that ends with it. */
  private static int derSignatureLength(byte[] envelope) {
    // ... 04 LL 30 LL' r s: the OCTET STRING's content is the ECDSA-Sig-Value SEQUENCE.
    for (int i = envelope.length - 70; i > 0; i--) {
      if (envelope[i] == 0x04 && envelope[i + 2] == 0x30 && i + 2 + (envelope[i + 1] & 0xFF) == envelope.length) {
        return envelope[i + 1] & 0xFF;
      }
    }
    throw new AssertionError("no trailing signature OCTET STRING");
  }

  private static byte[] hex(String path) {
    return HexFormat.of().parseHex(new String(resource(path), StandardCharsets.US_ASCII).strip());
  }

  private static byte[] resource(String path) {
    try {
      return Files.readAllBytes(Path.of("src/test/resources", path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
