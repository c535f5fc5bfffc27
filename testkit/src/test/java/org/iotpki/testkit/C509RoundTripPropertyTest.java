// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.iotpki.core.c509.C509Certificate;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.cert.KeyPurpose;
import org.iotpki.core.cert.KeyUsage;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Property: every certificate the testkit makes, for every key algorithm and with randomly chosen
 * names, extensions, serials and validity, survives DER -> C509 -> DER unchanged, with and without
 * EC point compression, and its signature still verifies.
 */
class C509RoundTripPropertyTest {
  private static final int CERTIFICATES_PER_ALGORITHM = 25;

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void randomCertificatesRoundTripByteForByte(KeyAlgorithm algorithm) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    TestCa root = TestCa.builder().keyAlgorithm(algorithm).build();
    TestCa issuing = root.intermediate("CN=Issuing " + random.nextInt(1000) + ",O=iotpki,C=DE");
    List<X509Certificate> certificates = new ArrayList<>(List.of(root.certificate(), issuing.certificate()));
    KeyPair deviceKey = KeyPairs.generate(algorithm);
    for (int i = 0; i < CERTIFICATES_PER_ALGORITHM; i++) {
      certificates.add(issuing.issue(randomSubject(random), deviceKey.getPublic(), builder -> {
        builder.serialNumber(new BigInteger(8 + random.nextInt(150), random).add(BigInteger.ONE));
        Instant start = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(200_000_000));
        builder.validity(start, random.nextBoolean()
            ? Instant.parse("9999-12-31T23:59:59Z")
            : start.plusSeconds(1 + random.nextInt(400_000_000)));
        if (random.nextBoolean()) {
          builder.keyUsage(KeyUsage.DIGITAL_SIGNATURE, random.nextBoolean() ? KeyUsage.KEY_AGREEMENT : KeyUsage.DIGITAL_SIGNATURE);
        }
        if (random.nextBoolean()) {
          builder.extendedKeyUsage(KeyPurpose.CODE_SIGNING);
        }
        try {
          builder.subjectAltNames(randomNames(random));
        } catch (java.net.UnknownHostException e) {
          throw new IllegalStateException(e);
        }
        return builder;
      }));
    }

    for (X509Certificate certificate : certificates) {
      String context = algorithm + " seed " + seed + " " + certificate.getSubjectX500Principal();
      for (C509Certificate c509 : List.of(
          C509Certificate.encode(certificate), C509Certificate.encodeWithoutPointCompression(certificate))) {
        C509Certificate decoded = C509Certificate.decode(c509.encoded());
        assertThat(decoded.toX509Certificate().getEncoded()).as(context).isEqualTo(certificate.getEncoded());
        assertThat(c509.size()).as(context).isLessThan(certificate.getEncoded().length);
      }
      X509Certificate issuer = certificate.equals(root.certificate()) || certificate.equals(issuing.certificate())
          ? root.certificate() : issuing.certificate();
      assertThat(C509Certificate.encode(certificate).verifySignature(issuer.getPublicKey()).isValid()).as(context).isTrue();
    }
  }

  private static String randomSubject(Random random) {
    StringBuilder subject = new StringBuilder("CN=device-" + Long.toHexString(random.nextLong()));
    if (random.nextBoolean()) {
      subject.append(",O=Vendor ").append(random.nextInt(100));
    }
    if (random.nextBoolean()) {
      subject.append(",OU=line ").append(random.nextInt(10));
    }
    if (random.nextBoolean()) {
      subject.append(",C=US");
    }
    return subject.toString();
  }

  private static GeneralName[] randomNames(Random random) throws java.net.UnknownHostException {
    List<GeneralName> names = new ArrayList<>();
    if (random.nextBoolean()) {
      names.add(GeneralName.dns("d" + random.nextInt(1_000_000) + ".example"));
    }
    if (random.nextBoolean()) {
      names.add(GeneralName.ip(InetAddress.getByAddress(new byte[] {10, 0, (byte) random.nextInt(256), 7})));
    }
    if (random.nextBoolean()) {
      names.add(GeneralName.uri(URI.create("urn:dev:ops:vendor-" + random.nextInt(99999))));
    }
    return names.toArray(GeneralName[]::new);
  }
}
