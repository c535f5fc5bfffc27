// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.revocation.RevocationFilter;
import org.junit.jupiter.api.Test;

/**
 * One filter per issuer from connectedhomeip's published revocation sets answers as the set does
 * for every certificate of the vectors, and revokes none of the issuers' other serials.
 */
class RevocationSetFiltersTest {
  private static final Path REVOCATION = Path.of("src/test/resources/vectors/attestation/revocation");
  private static final Path CERTS = REVOCATION.resolve("certs");

  @Test
  void directRevocationSet() throws Exception {
    assertFiltersAnswerAsTheSet("revocation-set.json", certificates(CERTS), List.of(
        "Chip-Test-PAA-FFF1-Cert.pem", "Matter-Development-PAI-FFF1-noPID-Cert.pem",
        "Chip-Test-PAI-FFF1-noPID-Revoked-Cert.pem"));
  }

  @Test
  void indirectRevocationSetWithDelegatedCrlSigners() throws Exception {
    List<X509Certificate> certificates = certificates(CERTS.resolve("indirect"));
    certificates.add(PkiReader.defaults().readCertificate(CERTS.resolve("Chip-Test-PAA-FFF1-Cert.pem")));
    assertFiltersAnswerAsTheSet("indirect-revocation-set.json", certificates, List.of(
        "Chip-Test-PAA-FFF1-Cert.pem", "indirect/Chip-Test-PAI-FFF1-01-Cert.pem",
        "indirect/Chip-Test-PAI-FFF1-02-Cert.pem", "indirect/Chip-Test-PAI-FFF1-03-Cert.pem"));
  }

  /**
   * Each issuer issued the vectors' certificates it signed and 1,000 random serials; every one of
   * them gets the set's answer from its issuer's filter (after the hub decodes it).
   */
  private static void assertFiltersAnswerAsTheSet(String setFile, List<X509Certificate> certificates,
      List<String> issuerFiles) throws Exception {
    RevocationSet set = set(setFile);
    Random random = new Random(setFile.hashCode());
    Map<X509Certificate, List<BigInteger>> issued = new LinkedHashMap<>();
    for (String file : issuerFiles) {
      X509Certificate issuer = PkiReader.defaults().readCertificate(CERTS.resolve(file));
      List<BigInteger> serials = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        serials.add(new BigInteger(127, random).add(BigInteger.ONE));
      }
      certificates.stream().filter(c -> signedBy(c, issuer)).map(X509Certificate::getSerialNumber).forEach(serials::add);
      issued.put(issuer, serials);
    }

    Map<X509Certificate, RevocationFilter> filters = set.filtersByIssuer(issued);

    int revoked = 0;
    int checked = 0;
    for (X509Certificate certificate : certificates) {
      X509Certificate issuer = issued.keySet().stream().filter(i -> signedBy(certificate, i)).findFirst().orElse(null);
      if (issuer == null || certificate.equals(issuer)) {
        continue; // the PAA's own certificate, or a delegate's issuer we do not hold
      }
      RevocationFilter atHub = RevocationFilter.decode(filters.get(issuer).encoded());
      boolean expected = set.isRevoked(certificate);
      assertThat(atHub.isRevoked(certificate.getSerialNumber()))
          .as("%s from %s", certificate.getSubjectX500Principal(), setFile).isEqualTo(expected);
      revoked += expected ? 1 : 0;
      checked++;
    }
    assertThat(revoked).as("revoked certificates among the vectors").isPositive().isLessThan(checked);
    issued.forEach((issuer, serials) -> assertThat(serials.subList(0, 1000))
        .noneMatch(serial -> filters.get(issuer).isRevoked(serial)));
  }

  @Test
  void aSerialTheSetRevokesButTheIssuerDidNotIssueIsRefusedNamingBoth() throws Exception {
    X509Certificate pai = PkiReader.defaults().readCertificate(CERTS.resolve("Matter-Development-PAI-FFF1-noPID-Cert.pem"));

    assertThatThrownBy(() -> set("revocation-set.json").filtersByIssuer(Map.of(pai, List.of(BigInteger.TEN))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("issuer ")
        .hasMessageContaining("CN=Matter Dev PAI 0xFFF1 no PID: revoked serial 0x")
        .hasMessageEndingWith(" is not in the issued set");
  }

  @Test
  void anIssuerTheSetDoesNotNameRevokesNothing() throws Exception {
    X509Certificate paa = PkiReader.defaults().readCertificate(CERTS.resolve("Chip-Test-PAA-FFF1-Cert.pem"));

    RevocationFilter filter = set("revocation-set-for-pai.json").filtersByIssuer(Map.of(paa, List.of(BigInteger.TEN))).get(paa);

    assertThat(filter.revokedCount()).isZero();
  }

  private static RevocationSet set(String file) throws Exception {
    return RevocationSet.parse(Files.readString(REVOCATION.resolve("revocation-sets").resolve(file)));
  }

  private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    return certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
  }

  private static List<X509Certificate> certificates(Path dir) throws Exception {
    List<X509Certificate> certificates = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith("-Cert.pem")
          || f.toString().endsWith(".from-indirect-revocation-set.pem")).sorted().toList()) {
        certificates.add(PkiReader.defaults().readCertificate(file));
      }
    }
    return certificates;
  }
}
