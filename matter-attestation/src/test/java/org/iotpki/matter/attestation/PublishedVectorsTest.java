// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * connectedhomeip's published revocation sets and DAC-provider vectors, its attestation elements
 * decoding cases, and a DCL-shaped PAA export (see the READMEs beside the vectors).
 */
class PublishedVectorsTest {
  private static final Path VECTORS = Path.of("src/test/resources/vectors/attestation");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Path file) throws Exception {
    return (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  static Stream<Map<String, Object>> revocationCases() throws Exception {
    return ((List<Map<String, Object>>) json(VECTORS.resolve("revocation/revocation-expectations.json"))
        .get("dac_provider_vector_cases")).stream();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("revocationCases")
  @SuppressWarnings("unchecked")
  void revocationSetsRevokeWhatTheSdkRevokes(Map<String, Object> testCase) throws Exception {
    RevocationSet set = RevocationSet.parse(
        Files.readString(VECTORS.resolve("revocation").resolve((String) testCase.get("revocation_set"))));
    boolean dac = set.isRevoked(fromVector((String) ((Map<String, Object>) testCase.get("dac")).get("from")));
    boolean pai = set.isRevoked(fromVector((String) ((Map<String, Object>) testCase.get("pai")).get("from")));

    String result = dac && pai ? "kPaiAndDacRevoked" : pai ? "kPaiRevoked" : dac ? "kDacRevoked" : "kSuccess";

    assertThat(result).isEqualTo(testCase.get("expected"));
  }

  /** {@code dac-provider-test-vectors/x.json#dac_cert}: the hex DER in that field. */
  private static X509Certificate fromVector(String reference) throws Exception {
    String[] parts = reference.split("#");
    String hex = (String) json(VECTORS.resolve("revocation").resolve(parts[0])).get(parts[1]);
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(HexFormat.of().parseHex(hex)));
  }

  @SuppressWarnings("unchecked")
  static Stream<Map<String, Object>> deconstructionCases() throws Exception {
    return ((List<Map<String, Object>>) json(VECTORS.resolve("elements/elements-expectations.json"))
        .get("deconstruction_cases")).stream();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("deconstructionCases")
  @SuppressWarnings("unchecked")
  void attestationElementsDecodeAsTheSdkDeconstructsThem(Map<String, Object> testCase) throws Exception {
    byte[] tlv = hexFile((String) testCase.get("file"));
    if (!"CHIP_NO_ERROR".equals(testCase.get("expected"))) {
      assertThatThrownBy(() -> AttestationElements.decode(tlv)).isInstanceOf(AttestationFormatException.class);
      return;
    }
    AttestationElements elements = AttestationElements.decode(tlv);
    assertThat(elements.certificationDeclaration()).isEqualTo(hexFile((String) testCase.get("certification_declaration_file")));
    assertThat(elements.attestationNonce()).isEqualTo(hexFile((String) testCase.get("nonce_file")));
    assertThat(elements.timestamp()).isEqualTo(((Number) testCase.get("timestamp")).longValue());
    if (testCase.containsKey("firmware_information_file")) {
      byte[] firmware = hexFile((String) testCase.get("firmware_information_file"));
      assertThat(elements.firmwareInformation()).hasValueSatisfying(info -> assertThat(info).isEqualTo(firmware));
    } else {
      assertThat(elements.firmwareInformation()).isEmpty();
    }
    List<Map<String, Object>> reserved = (List<Map<String, Object>>) testCase.get("vendor_reserved");
    assertThat(elements.vendorReserved()).hasSameSizeAs(reserved);
    for (int i = 0; i < reserved.size(); i++) {
      AttestationElements.VendorReserved element = elements.vendorReserved().get(i);
      assertThat(element.vendorId()).isEqualTo(Integer.decode((String) reserved.get(i).get("vendor_id")));
      assertThat(element.profileNumber()).isEqualTo(Integer.decode((String) reserved.get(i).get("profile_num")));
      assertThat(element.tagNumber()).isEqualTo(((Number) reserved.get(i).get("tag_num")).longValue());
      assertThat(new String(element.data(), StandardCharsets.US_ASCII)).isEqualTo(reserved.get(i).get("data_ascii"));
    }
  }

  private static byte[] hexFile(String name) throws Exception {
    return HexFormat.of().parseHex(Files.readString(VECTORS.resolve("elements").resolve(name)).strip());
  }

  @Test
  void aDclExportYieldsItsRootCertificates() throws Exception {
    PaaTrustStore store = PaaTrustStore.fromDclExport(
        Files.readString(VECTORS.resolve("dcl/constructed-certificates-response.json")));
    X509Certificate paa = PkiReader.defaults().readCertificate(VECTORS.resolve("certs/sTestCert_PAA_FFF1_Cert.pem"));

    assertThat(store.findBySubjectKeyId(HexFormat.of().parseHex("6AFD22771F511FECBF1641976710DCDC31A1717E")))
        .contains(paa);
    assertThat(store.findBySubjectKeyId(new byte[20])).isEmpty();
    assertThatThrownBy(() -> PaaTrustStore.fromDclExport("{\"pagination\": {}}"))
        .isInstanceOf(AttestationFormatException.class);
  }

  @Test
  void aDirectoryStoreReadsEveryFileAndRefusesOneThatIsNotACertificate(@TempDir Path dir) throws Exception {
    Files.copy(VECTORS.resolve("certs/sTestCert_PAA_FFF1_Cert.pem"), dir.resolve("paa-fff1.pem"));
    Files.write(dir.resolve("paa-novid.der"),
        PkiReader.defaults().readCertificate(VECTORS.resolve("certs/sTestCert_PAA_NoVID_Cert.pem")).getEncoded());

    PaaTrustStore store = PaaTrustStore.fromDirectory(dir);

    assertThat(store.findBySubjectKeyId(HexFormat.of().parseHex("785CE705B86B8F4E6FC793AA60CB43EA696882D5")))
        .isPresent();
    Files.writeString(dir.resolve("notes.txt"), "not a certificate");
    assertThatThrownBy(() -> PaaTrustStore.fromDirectory(dir)).isInstanceOf(AttestationFormatException.class)
        .hasMessageContaining("notes.txt");
  }
}
