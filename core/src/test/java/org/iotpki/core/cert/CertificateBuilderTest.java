// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.testing.Issuer;
import org.junit.jupiter.api.Test;

class CertificateBuilderTest {
  private static final Instant START = Issuer.NOW;
  private static final Instant END = START.plus(Duration.ofDays(90));

  @Test
  void selfSignedCaGetsStrictDefaults() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);

    X509Certificate ca =
        CertificateBuilder.create()
            .subject("CN=Root,O=Acme")
            .publicKey(key.getPublic())
            .validity(START, END)
            .basicConstraints(BasicConstraints.ca(1))
            .sign(Signer.of(key));

    CertificateSummary summary = CertificateSummary.of(ca);
    assertThat(summary.version()).isEqualTo(3);
    assertThat(summary.basicConstraints()).contains(new BasicConstraints(true, OptionalInt.of(1)));
    assertThat(summary.keyUsage()).containsExactlyInAnyOrder(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN);
    assertThat(summary.criticalExtensionOids()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
    assertThat(summary.subjectKeyIdentifierHex()).hasValueSatisfying(skid -> assertThat(skid).hasSize(40));
    assertThat(summary.authorityKeyIdentifierHex()).isEqualTo(summary.subjectKeyIdentifierHex());
    assertThat(summary.signatureAlgorithm()).isEqualTo("ECDSA_SHA256");
    assertThat(ca.getNotBefore().toInstant()).isEqualTo(START);
    assertThat(ca.getNotAfter().toInstant()).isEqualTo(END);
  }

  @Test
  void issuedCertificateChainsItsKeyIdentifiersAndNames() throws Exception {
    Issuer root = Issuer.root("CN=Root", KeyAlgorithm.EC_P256);
    KeyPair device = KeyPairs.generate(KeyAlgorithm.EC_P256);

    X509Certificate leaf =
        CertificateBuilder.create()
            .subject("CN=sensor-0042")
            .publicKey(device.getPublic())
            .issuer(root.certificate())
            .validity(START, END)
            .extendedKeyUsage(KeyPurpose.CLIENT_AUTH)
            .subjectAltNames(
                GeneralName.dns("sensor-0042.example"),
                GeneralName.ip(InetAddress.getByName("192.0.2.7")),
                GeneralName.uri(URI.create("urn:dev:ops:acme-sensor-0042")))
            .sign(Signer.of(root.keyPair()));

    CertificateSummary summary = CertificateSummary.of(leaf);
    CertificateSummary rootSummary = CertificateSummary.of(root.certificate());
    assertThat(summary.issuer()).isEqualTo("CN=Root");
    assertThat(summary.authorityKeyIdentifierHex()).isEqualTo(rootSummary.subjectKeyIdentifierHex());
    assertThat(summary.basicConstraints()).contains(BasicConstraints.endEntity());
    assertThat(summary.keyUsage()).containsExactly(KeyUsage.DIGITAL_SIGNATURE);
    assertThat(summary.extendedKeyUsage()).containsExactly(KeyPurpose.CLIENT_AUTH);
    assertThat(summary.subjectAltNames())
        .containsExactly(
            new GeneralName(GeneralName.Type.DNS, "sensor-0042.example"),
            new GeneralName(GeneralName.Type.IP_ADDRESS, "192.0.2.7"),
            new GeneralName(GeneralName.Type.URI, "urn:dev:ops:acme-sensor-0042"));
    leaf.verify(root.certificate().getPublicKey());
  }

  @Test
  void signEncodedIsTheDerOfWhatSignWouldReturn() throws Exception {
    Issuer root = Issuer.root("CN=Root", KeyAlgorithm.EC_P256);
    KeyPair device = KeyPairs.generate(KeyAlgorithm.EC_P256);
    BigInteger serial = new BigInteger("7a11ce", 16);
    CertificateBuilder builder = CertificateBuilder.create().subject("CN=sensor-0042").publicKey(device.getPublic())
        .issuer(root.certificate()).validity(START, END).serialNumber(serial);

    byte[] encoded = builder.signEncoded(Signer.of(root.keyPair()));
    X509Certificate parsed = builder.sign(Signer.of(root.keyPair()));

    X509Certificate fromEncoded = org.iotpki.core.io.PkiReader.defaults().readCertificate(encoded);
    fromEncoded.verify(root.certificate().getPublicKey());
    // ECDSA signatures differ per call; everything they cover is the same.
    assertThat(fromEncoded.getTBSCertificate()).isEqualTo(parsed.getTBSCertificate());
    assertThatThrownBy(() -> CertificateBuilder.create().publicKey(device.getPublic()).validity(START, END)
        .signEncoded(Signer.of(root.keyPair()))).hasMessageContaining("subject");
  }

  @Test
  void extendedKeyUsageIsCriticalOnlyWhenAskedFor() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);

    X509Certificate plain = base(key).extendedKeyUsage(KeyPurpose.CLIENT_AUTH).sign(Signer.of(key));
    X509Certificate critical =
        base(key).criticalExtendedKeyUsage(KeyPurpose.CLIENT_AUTH, KeyPurpose.SERVER_AUTH).sign(Signer.of(key));

    assertThat(plain.getCriticalExtensionOIDs()).doesNotContain("2.5.29.37");
    assertThat(critical.getCriticalExtensionOIDs()).contains("2.5.29.37");
    assertThat(critical.getExtendedKeyUsage()).containsExactly(KeyPurpose.CLIENT_AUTH, KeyPurpose.SERVER_AUTH);
  }

  @Test
  void randomSerialsArePositiveSixteenBytesAndDistinct() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.ED25519);
    Set<BigInteger> serials = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      BigInteger serial =
          CertificateBuilder.create()
              .subject("CN=s")
              .publicKey(key.getPublic())
              .validity(START, END)
              .basicConstraints(BasicConstraints.caUnlimited())
              .sign(Signer.of(key))
              .getSerialNumber();
      assertThat(serial.signum()).isPositive();
      assertThat(serial.toByteArray().length).isLessThanOrEqualTo(16);
      serials.add(serial);
    }
    assertThat(serials).hasSize(50);
  }

  @Test
  void validForStartsAtTheInjectedClockTruncatedToSeconds() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    Clock clock = Clock.fixed(Instant.parse("2027-03-04T05:06:07.890Z"), ZoneOffset.UTC);

    X509Certificate certificate =
        CertificateBuilder.create()
            .subject("CN=c")
            .publicKey(key.getPublic())
            .clock(clock)
            .validFor(Duration.ofDays(1))
            .basicConstraints(BasicConstraints.caUnlimited())
            .sign(Signer.of(key));

    assertThat(certificate.getNotBefore().toInstant()).isEqualTo(Instant.parse("2027-03-04T05:06:07Z"));
    assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2027-03-05T05:06:07Z"));
  }

  @Test
  void writesGeneralizedTimeFrom2050AsRfc5280Requires() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    Instant noWellDefinedExpiration = Instant.parse("9999-12-31T23:59:59Z");

    X509Certificate certificate =
        CertificateBuilder.create()
            .subject("CN=c")
            .publicKey(key.getPublic())
            .validity(START, noWellDefinedExpiration)
            .basicConstraints(BasicConstraints.caUnlimited())
            .sign(Signer.of(key));

    assertThat(certificate.getNotAfter().toInstant()).isEqualTo(noWellDefinedExpiration);
    // GeneralizedTime tag 0x18 with "99991231235959Z" in the DER.
    assertThat(new String(certificate.getEncoded(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("\u0018\u000f99991231235959Z");
  }

  @Test
  void customExtensionsAreWrittenVerbatim() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    byte[] value = {0x0c, 0x03, 'a', 'b', 'c'};

    X509Certificate certificate =
        CertificateBuilder.create()
            .subject("CN=c")
            .publicKey(key.getPublic())
            .validity(START, END)
            .basicConstraints(BasicConstraints.caUnlimited())
            .extension(new CertificateExtension("1.3.6.1.4.1.37244.99", false, value))
            .sign(Signer.of(key));

    // getExtensionValue wraps the value in an OCTET STRING.
    assertThat(certificate.getExtensionValue("1.3.6.1.4.1.37244.99")).containsExactly(0x04, 0x05, 0x0c, 0x03, 'a', 'b', 'c');
  }

  @Test
  void refusesIncompleteOrInconsistentCertificates() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    KeyPair other = KeyPairs.generate(KeyAlgorithm.EC_P256);
    Issuer root = Issuer.root("CN=Root", KeyAlgorithm.EC_P256);
    Issuer leaf = root.leaf("CN=leaf");
    Signer self = Signer.of(key);

    assertRefused(CertificateBuilder.create().publicKey(key.getPublic()).validity(START, END), self, "missing subject");
    assertRefused(CertificateBuilder.create().subject("CN=a").validity(START, END), self, "missing publicKey");
    assertRefused(CertificateBuilder.create().subject("CN=a").publicKey(key.getPublic()), self, "missing validity");
    assertRefused(base(key).validity(END, START), self, "is not after notBefore");
    assertRefused(base(key).serialNumber(BigInteger.ZERO), self, "serial number must be positive");
    assertRefused(base(key).serialNumber(BigInteger.TWO.pow(200)), self, "at most 20 bytes");
    assertRefused(base(key).basicConstraints(BasicConstraints.caUnlimited()).keyUsage(KeyUsage.DIGITAL_SIGNATURE), self,
        "needs keyUsage keyCertSign");
    assertRefused(base(key).keyUsage(KeyUsage.KEY_CERT_SIGN), self, "only for CA certificates");
    assertRefused(base(key), Signer.of(other), "signer's key is not the subject's key");
    assertRefused(base(key).issuer(root.certificate()), Signer.of(other), "not the issuer certificate's key");
    assertRefused(base(key).issuer(leaf.certificate()), Signer.of(leaf.keyPair()), "is not a CA");
    assertRefused(base(key).subject(new javax.security.auth.x500.X500Principal("")), self, "empty subject needs subjectAltNames");
    assertRefused(base(key).omitAuthorityKeyIdentifierOfSelfSignedCa(), self, "only a self-signed CA");
    assertRefused(
        base(key).extension(new CertificateExtension("2.5.29.15", true, new byte[] {0x03, 0x02, 0x07, (byte) 0x80})),
        self,
        "set twice");
  }

  @Test
  void signersRefuseAlgorithmsThatDoNotFitTheirKey() {
    KeyPair ec = KeyPairs.generate(KeyAlgorithm.EC_P256);

    assertThatThrownBy(() -> Signer.of(ec, org.iotpki.core.crypto.SignatureAlgorithm.ED25519))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot sign with a EC P-256 key");
  }

  private static CertificateBuilder base(KeyPair key) {
    return CertificateBuilder.create().subject("CN=a").publicKey(key.getPublic()).validity(START, END);
  }

  private static void assertRefused(CertificateBuilder builder, Signer signer, String message) {
    assertThatThrownBy(() -> builder.sign(signer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void keyUsageBitsMatchTheJdksReading() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    for (KeyUsage usage : List.of(KeyUsage.values())) {
      if (usage == KeyUsage.KEY_CERT_SIGN) {
        continue;
      }
      X509Certificate certificate = base(key).keyUsage(usage).sign(Signer.of(key));
      assertThat(CertificateSummary.of(certificate).keyUsage()).as("%s", usage).isEqualTo(EnumSet.of(usage));
    }
  }
}
