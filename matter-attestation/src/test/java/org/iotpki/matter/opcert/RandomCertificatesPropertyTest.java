// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.cert.KeyPurpose;
import org.iotpki.core.cert.KeyUsage;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.matter.internal.DerWriter;
import org.iotpki.matter.testing.TestFabric;
import org.junit.jupiter.api.Test;

/**
 * Random valid operational certificates survive DER -> TLV -> DER unchanged: ones core's
 * CertificateBuilder signs with Matter DN attributes and critical extensions, and random models
 * covering every DN attribute type, string form, extension and time range.
 */
class RandomCertificatesPropertyTest {
  private static final int RUNS = 300;
  private static final String[] MATTER_OIDS = {"1.3.6.1.4.1.37244.1.1", "1.3.6.1.4.1.37244.1.3", "1.3.6.1.4.1.37244.1.4", "1.3.6.1.4.1.37244.1.5"};

  @Test
  void certificateBuilderCertificatesRoundTripByteExact() throws Exception {
    Random random = new Random(20261124);
    KeyPair issuerKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    int oversized = 0;
    for (int i = 0; i < 60; i++) {
      KeyPair key = random.nextBoolean() ? issuerKey : KeyPairs.generate(KeyAlgorithm.EC_P256);
      StringBuilder subject = new StringBuilder();
      int attributes = 1 + random.nextInt(3);
      for (int a = 0; a < attributes; a++) {
        subject.append(a == 0 ? "" : ",");
        if (random.nextInt(3) == 0) {
          subject.append("CN=device ").append(random.nextInt(1000));
        } else {
          String digits = String.format("%016X", random.nextLong());
          subject.append(MATTER_OIDS[random.nextInt(MATTER_OIDS.length)]).append("=#0C10")
              .append(HexFormat.of().formatHex(digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
      }
      Instant start = Instant.parse("2000-01-01T00:00:01Z").plusSeconds(random.nextInt(Integer.MAX_VALUE));
      CertificateBuilder builder = CertificateBuilder.create()
          .subject(subject.toString())
          .publicKey(key.getPublic())
          .validity(start, start.plusSeconds(1 + random.nextInt(1_000_000_000)));
      if (random.nextBoolean()) {
        builder.basicConstraints(random.nextBoolean() ? BasicConstraints.caUnlimited() : BasicConstraints.ca(random.nextInt(3)));
      } else {
        builder.keyUsage(KeyUsage.DIGITAL_SIGNATURE).criticalExtendedKeyUsage(KeyPurpose.CLIENT_AUTH, KeyPurpose.SERVER_AUTH);
      }
      if (random.nextBoolean()) {
        builder.extension(new CertificateExtension("1.2.3.4." + random.nextInt(1000), random.nextBoolean(),
            DerWriter.element(DerWriter.OCTET_STRING, new byte[random.nextInt(20)])));
      }
      X509Certificate certificate = builder.sign(Signer.of(key));
      byte[] der = certificate.getEncoded();
      if (refusedAsOversized(der)) {
        oversized++;
        continue;
      }
      byte[] tlv = OperationalCertificates.derToTlv(der);
      assertThat(OperationalCertificates.tlvToDer(tlv)).as(certificate.toString()).isEqualTo(der);
      assertThat(OperationalCertificates.derToTlv(OperationalCertificates.tlvToDer(tlv))).isEqualTo(tlv);
    }
    assertThat(oversized).as("certificates above Matter's size limits").isLessThan(10);
  }

  @Test
  void randomModelsRoundTripByteExactBothWays() throws Exception {
    Random random = new Random(6);
    int oversized = 0;
    for (int i = 0; i < RUNS; i++) {
      OperationalCertificate certificate = randomCertificate(random);
      byte[] der = OperationalCertificates.encodeDer(certificate);
      if (refusedAsOversized(der)) {
        oversized++;
        continue;
      }
      byte[] tlv = OperationalCertificates.derToTlv(der);
      assertThat(OperationalCertificates.tlvToDer(tlv)).isEqualTo(der);
      assertThat(OperationalCertificates.decodeTlv(tlv)).isEqualTo(certificate);
      assertThat(OperationalCertificates.toX509Certificate(certificate).getEncoded()).isEqualTo(der);
    }
    assertThat(oversized).as("certificates above Matter's size limits").isLessThan(RUNS / 5);
  }

  /**
   * Whether the certificate is above one of Matter's size limits (600 bytes of DER, 400 of TLV),
   * after checking it is refused for that by name.
   */
  private static boolean refusedAsOversized(byte[] der) throws NoTlvFormException {
    if (der.length > 600) {
      assertThatThrownBy(() -> OperationalCertificates.derToTlv(der))
          .isInstanceOf(NoTlvFormException.class)
          .hasMessageContaining("Matter allows at most 600");
      return true;
    }
    byte[] tlv = OperationalCertificates.derToTlv(der);
    if (tlv.length > 400) {
      assertThatThrownBy(() -> OperationalCertificates.tlvToDer(tlv))
          .isInstanceOf(MatterCertificateFormatException.class)
          .hasMessageContaining("Matter allows at most 400");
      return true;
    }
    return false;
  }

  private static OperationalCertificate randomCertificate(Random random) {
    byte[] serial = new byte[1 + random.nextInt(20)];
    random.nextBytes(serial);
    serial[0] = (byte) (1 + random.nextInt(0x7F));
    long notBefore = 1 + (random.nextLong() >>> 33);
    long notAfter = random.nextInt(5) == 0 ? 0 : notBefore + 1 + (random.nextLong() >>> 33) % (0xFFFF_FFFFL - notBefore);
    List<OpCertExtension> extensions = new ArrayList<>();
    extensions.add(new OpCertExtension.BasicConstraints(random.nextBoolean(),
        random.nextBoolean() ? OptionalInt.of(random.nextInt(256)) : OptionalInt.empty()));
    extensions.add(new OpCertExtension.KeyUsage(random.nextInt(0x200)));
    List<ExtendedKeyPurpose> purposes = new ArrayList<>(List.of(ExtendedKeyPurpose.values()));
    java.util.Collections.shuffle(purposes, random);
    extensions.add(new OpCertExtension.ExtendedKeyUsage(purposes.subList(0, 1 + random.nextInt(purposes.size()))));
    byte[] keyId = new byte[20];
    random.nextBytes(keyId);
    extensions.add(new OpCertExtension.SubjectKeyId(keyId));
    random.nextBytes(keyId);
    extensions.add(new OpCertExtension.AuthorityKeyId(keyId));
    if (random.nextBoolean()) {
      byte[] value = new byte[random.nextInt(40)];
      random.nextBytes(value);
      extensions.add(new OpCertExtension.Future(DerWriter.sequence(DerWriter.oid("1.3.6.1.4.1." + random.nextInt(100000)),
          random.nextBoolean() ? DerWriter.booleanTrue() : new byte[0], DerWriter.element(DerWriter.OCTET_STRING, value))));
    }
    java.util.Collections.shuffle(extensions, random);
    extensions = extensions.subList(0, 1 + random.nextInt(extensions.size()));
    byte[] signature = new byte[OperationalCertificate.SIGNATURE_LENGTH];
    random.nextBytes(signature);
    if (random.nextBoolean()) {
      java.util.Arrays.fill(signature, 0, random.nextInt(4), (byte) 0);
    }
    return new OperationalCertificate(serial, randomName(random), notBefore, notAfter, randomName(random),
        TestFabric.point(KeyPairs.generate(KeyAlgorithm.EC_P256).getPublic()), extensions, signature);
  }

  private static DistinguishedName randomName(Random random) {
    List<DnAttribute> attributes = new ArrayList<>();
    int count = 1 + random.nextInt(DistinguishedName.MAX_ATTRIBUTES);
    for (int i = 0; i < count; i++) {
      DnAttributeType type = DnAttributeType.values()[random.nextInt(DnAttributeType.values().length)];
      if (type.isMatterId()) {
        long value = type.hexDigits() == 8 ? random.nextLong() >>> 32 : random.nextLong();
        attributes.add(DnAttribute.matterId(type, value));
      } else if (type == DnAttributeType.DOMAIN_COMPONENT) {
        attributes.add(DnAttribute.text(type, "example" + random.nextInt(100)));
      } else if (random.nextBoolean()) {
        attributes.add(DnAttribute.printableString(type, "Test (" + random.nextInt(1000) + ") ok"));
      } else {
        attributes.add(DnAttribute.text(type, "Gerät " + random.nextInt(1000) + " \u2713"));
      }
    }
    return new DistinguishedName(attributes);
  }
}
