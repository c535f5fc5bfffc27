// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.c509;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.SharedVectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The appendix examples of draft-ietf-cose-cbor-encoded-cert, read from shared/vectors/c509 with
 * the directions its MANIFEST says must be byte-exact.
 */
class C509VectorsTest {

  record Vector(String name, boolean encode, boolean decode, String source) {
    @Override
    public String toString() {
      return name + " (" + source + ")";
    }
  }

  static List<Vector> manifest() throws Exception {
    Path directory = SharedVectors.directory("c509");
    try (Stream<String> lines = Files.lines(directory.resolve("MANIFEST"), StandardCharsets.UTF_8)) {
      return lines
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.trim().split("\\s+"))
          .map(f -> new Vector(f[0], f[1].contains("encode"), f[1].contains("decode"), f[2]))
          .collect(Collectors.toList());
    }
  }

  private static byte[] read(String file) throws Exception {
    return Files.readAllBytes(SharedVectors.directory("c509").resolve(file));
  }

  @Test
  void theManifestListsTheAppendixExamples() throws Exception {
    assertThat(manifest()).extracting(Vector::name).contains("rfc7925", "ieee8021ar");
  }

  @ParameterizedTest
  @MethodSource("manifest")
  void encodesAndDecodesByteExactlyAsTheManifestRequires(Vector vector) throws Exception {
    byte[] der = read(vector.name() + ".der");
    byte[] c509 = read(vector.name() + ".c509");
    X509Certificate certificate = PkiReader.defaults().readCertificate(der);

    if (vector.encode()) {
      assertThat(C509Certificate.encode(certificate).encoded()).as("DER -> C509").isEqualTo(c509);
    }
    if (vector.decode()) {
      C509Certificate decoded = C509Certificate.decode(c509);
      assertThat(decoded.type()).isEqualTo(C509Type.REENCODED);
      assertThat(decoded.toX509Certificate().getEncoded()).as("C509 -> DER").isEqualTo(der);
      assertThat(decoded.serialNumber()).isEqualTo(certificate.getSerialNumber());
      assertThat(decoded.subject()).isEqualTo(certificate.getSubjectX500Principal());
      assertThat(decoded.issuer()).isEqualTo(certificate.getIssuerX500Principal());
      assertThat(decoded.notBefore()).isEqualTo(certificate.getNotBefore().toInstant());
      assertThat(decoded.signatureAlgorithmOid()).isEqualTo(certificate.getSigAlgOID());
    }
  }

  @Test
  void theUncompressedPointExampleEncodesExactlyWithoutPointCompression() throws Exception {
    X509Certificate certificate = PkiReader.defaults().readCertificate(read("ipaddrblocks.der"));

    assertThat(C509Certificate.encodeWithoutPointCompression(certificate).encoded())
        .isEqualTo(read("ipaddrblocks.c509"));
    assertThat(C509Certificate.encode(certificate).size()).isLessThan(read("ipaddrblocks.c509").length);
  }

  @Test
  void mlDsaTrustAnchorsOfTheHackathonRoundTripByteForByte() throws Exception {
    Path pqc = SharedVectors.directory("pqc-certificates").resolve("bc");
    for (String oid : List.of("2.16.840.1.101.3.4.3.17", "2.16.840.1.101.3.4.3.18", "2.16.840.1.101.3.4.3.19")) {
      X509Certificate certificate = PkiReader.defaults().readCertificate(pqc.resolve(oid + "_ta.der"));

      C509Certificate c509 = C509Certificate.encode(certificate);

      assertThat(C509Certificate.decode(c509.encoded()).toX509Certificate()).as(oid).isEqualTo(certificate);
      assertThat(c509.signatureAlgorithmOid()).isEqualTo(oid);
      assertThat(c509.size()).isLessThan(certificate.getEncoded().length);
    }
  }

  @Test
  void rfc7925ExampleVerifiesWithItsOwnKeyAfterTheRoundTrip() throws Exception {
    C509Certificate decoded = C509Certificate.decode(read("rfc7925.c509"));
    X509Certificate rebuilt = decoded.toX509Certificate();

    // The RFC 7925 profiled example is signed by a CA whose certificate is not in the draft; the
    // rebuilt certificate must at least parse to the same public key as the original.
    assertThat(rebuilt.getPublicKey().getEncoded())
        .isEqualTo(PkiReader.defaults().readCertificate(read("rfc7925.der")).getPublicKey().getEncoded());
  }
}
