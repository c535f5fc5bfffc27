package org.iotpki.core.pq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.SharedVectors;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IETF PQC hackathon certificates (BouncyCastle, Entrust, OpenSSL 3.5) and the LAMPS composite
 * test vectors, read from shared/vectors/pqc-certificates with the outcome its MANIFEST expects:
 * every good signature verifies, every tampered one (including a flipped byte in only the
 * traditional half of a composite signature) does not.
 */
class PqcVectorsTest {

  record Row(String certificate, String issuer, int expectedExit, String signatureOid, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<Row> manifest() throws Exception {
    Path directory = SharedVectors.directory("pqc-certificates");
    try (Stream<String> lines = Files.lines(directory.resolve("MANIFEST"), StandardCharsets.UTF_8)) {
      return lines
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.trim().split("\\s+"))
          .map(f -> new Row(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4]))
          .collect(Collectors.toList());
    }
  }

  private static X509Certificate read(String relative) throws Exception {
    return PkiReader.defaults().readCertificate(SharedVectors.directory("pqc-certificates").resolve(relative));
  }

  @Test
  void theManifestCoversEveryProviderAndTamperedCopies() throws Exception {
    List<Row> rows = manifest();

    assertThat(rows).extracting(Row::certificate)
        .anyMatch(c -> c.startsWith("bc/")).anyMatch(c -> c.startsWith("entrust/"))
        .anyMatch(c -> c.startsWith("ossl35/")).anyMatch(c -> c.startsWith("composite/"))
        .anyMatch(c -> c.startsWith("tampered/"));
    assertThat(rows).filteredOn(r -> r.expectedExit() == 0).hasSizeGreaterThanOrEqualTo(75);
  }

  @ParameterizedTest
  @MethodSource("manifest")
  void verifiesAsTheManifestExpects(Row row) throws Exception {
    X509Certificate certificate = read(row.certificate());
    PublicKey issuerKey = "-".equals(row.issuer()) ? certificate.getPublicKey() : read(row.issuer()).getPublicKey();

    SignatureResult result = SignatureVerifier.bouncyCastle().verify(certificate, issuerKey);

    assertThat(certificate.getSigAlgOID()).isEqualTo(row.signatureOid());
    assertThat(SignatureAlgorithm.fromOid(row.signatureOid())).as("iotpki knows %s", row.signatureOid()).isPresent();
    assertThat(result.isValid()).as("%s: %s", row.label(), result).isEqualTo(row.expectedExit() == 0);
  }
}
