// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.internal.AttestationCertificate;
import org.iotpki.matter.internal.AttestationChain;
import org.iotpki.matter.internal.AttestationProfile;
import org.iotpki.matter.internal.CmsSignedCd;
import org.iotpki.matter.internal.Json;
import org.iotpki.matter.internal.MatterDn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The assertions connectedhomeip's own tests make about its attestation test material
 * ({@code vectors/attestation/expectations.json}, see the README there), replayed against iotpki:
 * certificate format (TestX509_VerifyAttestationCertificateFormat), chain validation at the DAC's
 * notBefore (TestX509_CertChainValidation), VID/PID extraction, the PAA trust store, the
 * Certification Declaration, a whole attestation response and revocation.
 */
class SdkExpectationsTest {
  private static final Path VECTORS = Path.of("src/test/resources/vectors/attestation");
  private static final Set<String> KINDS = Set.of("format", "chain", "vidpid", "vidpid_attribute", "trust_store",
      "attestation_info", "cd_signature", "cd_payload", "revocation");

  static Stream<Map<String, Object>> expectations() throws IOException {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> all = (List<Map<String, Object>>) parse(VECTORS.resolve("expectations.json"));
    return all.stream().filter(e -> KINDS.contains(e.get("kind")) && !Boolean.TRUE.equals(e.get("skip")) && applies(e));
  }

  /**
   * Rows about the C API itself (null or empty buffers, output buffer sizes, the default verifier
   * before one is set, an empty revocation file) have no counterpart in iotpki's API and are left out.
   */
  @SuppressWarnings("unchecked")
  private static boolean applies(Map<String, Object> e) {
    Map<String, Object> certs = (Map<String, Object>) e.get("certs");
    Map<String, Object> inputs = (Map<String, Object>) e.getOrDefault("inputs", Map.of());
    String expected = (String) e.get("expected");
    return switch ((String) e.get("kind")) {
      case "format", "vidpid" -> certs.get("cert") != null;
      case "chain" -> certs.get("root") != null && certs.get("leaf") != null;
      case "vidpid_attribute" -> e.get("attrValue") != null && !((String) e.get("attrValue")).isEmpty()
          && !"kUnspecified".equals(e.get("attrType"));
      case "trust_store" -> expected.equals("CHIP_NO_ERROR") || expected.equals("CHIP_ERROR_CA_CERT_NOT_FOUND");
      case "attestation_info" -> inputs.containsKey("attestationElementsHex");
      case "revocation" -> inputs.get("revocationSet") instanceof List;
      default -> true;
    };
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("expectations")
  @SuppressWarnings("unchecked")
  void iotpkiDecidesAsTheSdkTestsExpect(Map<String, Object> expectation) throws Exception {
    Map<String, Object> certs = (Map<String, Object>) expectation.get("certs");
    Map<String, Object> inputs = (Map<String, Object>) expectation.getOrDefault("inputs", Map.of());
    String expected = (String) expectation.get("expected");
    switch ((String) expectation.get("kind")) {
      case "format" -> {
        AttestationCertType type = AttestationCertType.valueOf(((String) expectation.get("certType")).substring(1));
        boolean conforms;
        try {
          conforms = AttestationProfile.firstFormatViolation(
              AttestationCertificate.parse(der((String) certs.get("cert"))), type).isEmpty();
        } catch (AttestationFormatException e) {
          conforms = false;
        }
        assertThat(conforms).isEqualTo(expected.equals("CHIP_NO_ERROR"));
      }
      case "chain" -> {
        X509Certificate leaf = certificate((String) certs.get("leaf"));
        X509Certificate intermediate = certs.get("intermediate") == null ? null
            : certificate((String) certs.get("intermediate"));
        var invalid = AttestationChain.validate(certificate((String) certs.get("root")), intermediate, leaf,
            AttestationChain.issuanceTime(leaf));
        assertThat(invalid.isEmpty()).as(String.valueOf(invalid))
            .isEqualTo(expectation.get("expectedValidationResult").equals("kSuccess"));
      }
      case "vidpid" -> {
        if (expected.equals("CHIP_NO_ERROR")) {
          VidPid ids = VidPid.of(certificate((String) certs.get("cert")));
          assertThat(ids).isEqualTo(new VidPid(id(expectation.get("vid")), id(expectation.get("pid"))));
        } else {
          assertThat(catchFormat(() -> VidPid.of(certificate((String) certs.get("cert"))))).isTrue();
        }
      }
      case "vidpid_attribute" -> vidPidAttribute(expectation, expected);
      case "trust_store" -> {
        PaaTrustStore store = PaaTrustStore.of(((List<String>) certs.get("store")).stream()
            .map(SdkExpectationsTest::certificateUnchecked).toList());
        Optional<X509Certificate> found = store.findBySubjectKeyId(HexFormat.of().parseHex((String) inputs.get("skidHex")));
        Object out = certs.get("expectedOut");
        assertThat(found).isEqualTo(out == null ? Optional.empty() : Optional.of(certificate((String) out)));
      }
      case "attestation_info" -> {
        DeviceAttestationVerifier verifier = DeviceAttestationVerifier.builder()
            .paaTrustStore(PaaTrustStore.of(List.of(certificate("sTestCert_PAA_FFF1_Cert.pem"),
                certificate("sTestCert_PAA_NoVID_Cert.pem"))))
            .cdSigningKeys(CdSigningKeys.of(List.of(certificate((String) certs.get("cdSigner")))))
            .clock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC))
            .build();
        AttestationInfo info = new AttestationInfo(hex(inputs, "attestationElementsHex"),
            hex(inputs, "attestationChallengeHex"), hex(inputs, "attestationSignatureHex"),
            der((String) certs.get("pai")), der((String) certs.get("dac")), hex(inputs, "attestationNonceHex"),
            Integer.decode((String) inputs.get("vendorId")), Integer.decode((String) inputs.get("productId")));
        assertThat(verifier.verify(info).result().name()).isEqualTo(sdkName(expected));
      }
      case "cd_signature" -> {
        CmsSignedCd envelope = CmsSignedCd.parse(hex(inputs, "cmsSignedCdHex"));
        Optional<byte[]> content = envelope.verifiedContent(certificate((String) certs.get("cdSigner")).getPublicKey());
        assertThat(content).hasValueSatisfying(bytes -> assertThat(HexFormat.of().formatHex(bytes))
            .isEqualTo(expectation.get("expectedCdContentHex")));
      }
      case "cd_payload" -> {
        Map<String, Object> device = (Map<String, Object>) inputs.get("deviceInfo");
        CertificationDeclaration cd = CertificationDeclaration.decode(hex(inputs, "cdContentHex"));
        int paiProduct = Integer.decode((String) device.get("paiProductId"));
        AttestationResult result = DeviceAttestationVerifier.checkPayload(cd, Integer.decode((String) device.get("vendorId")),
            Integer.decode((String) device.get("productId")),
            new VidPid(id(device.get("dacVendorId")), id(device.get("dacProductId"))),
            new VidPid(id(device.get("paiVendorId")), paiProduct == 0 ? OptionalInt.empty() : OptionalInt.of(paiProduct)),
            new byte[20]);
        assertThat(result.name()).isEqualTo(sdkName(expected));
      }
      case "revocation" -> {
        Object set = inputs.get("revocationSet");
        RevocationSet revocations = RevocationSet.parse(writeJson(set));
        boolean dacRevoked = revocations.isRevoked(certificate((String) certs.get("dac")));
        boolean paiRevoked = revocations.isRevoked(certificate((String) certs.get("pai")));
        String result = dacRevoked && paiRevoked ? "kPaiAndDacRevoked" : paiRevoked ? "kPaiRevoked"
            : dacRevoked ? "kDacRevoked" : "kSuccess";
        assertThat(result).isEqualTo(expected);
      }
      default -> throw new AssertionError("unexpected kind");
    }
  }

  private static void vidPidAttribute(Map<String, Object> expectation, String expected) throws Exception {
    String type = switch ((String) expectation.get("attrType")) {
      case "kMatterVID" -> "1.3.6.1.4.1.37244.2.1";
      case "kMatterPID" -> "1.3.6.1.4.1.37244.2.2";
      case "kCommonName" -> "2.5.4.3";
      default -> null;
    };
    byte[] name = new X500NameBuilder().addRDN(new ASN1ObjectIdentifier(type),
        new DERUTF8String((String) expectation.get("attrValue"))).build().getEncoded();
    if (expected.equals("CHIP_NO_ERROR")) {
      assertThat(MatterDn.vidPid(name)).isEqualTo(new VidPid(id(expectation.get("vid")), id(expectation.get("pid"))));
    } else {
      assertThat(catchFormat(() -> MatterDn.vidPid(name))).isTrue();
    }
  }

  /** kDacRevoked -> DAC_REVOKED. */
  private static String sdkName(String constant) {
    return constant.substring(1).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }

  private interface Extraction {
    Object run() throws Exception;
  }

  private static boolean catchFormat(Extraction extraction) throws Exception {
    try {
      extraction.run();
      return false;
    } catch (AttestationFormatException e) {
      return true;
    }
  }

  private static OptionalInt id(Object value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.decode((String) value));
  }

  private static byte[] hex(Map<String, Object> inputs, String field) {
    return HexFormat.of().parseHex((String) inputs.get(field));
  }

  static X509Certificate certificate(String file) throws Exception {
    return PkiReader.defaults().readCertificate(VECTORS.resolve("certs").resolve(file));
  }

  private static X509Certificate certificateUnchecked(String file) {
    try {
      return certificate(file);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The DER inside a PEM file, not parsed: some SDK vectors are malformed on purpose. */
  private static byte[] der(String file) throws Exception {
    String pem = Files.readString(VECTORS.resolve("certs").resolve(file), StandardCharsets.US_ASCII);
    String body = pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
    return java.util.Base64.getDecoder().decode(body);
  }

  private static Object parse(Path file) throws IOException {
    try {
      return Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (org.iotpki.core.PkiParseException e) {
      throw new IOException(e);
    }
  }

  /** JSON text of a parsed value (maps, lists, strings), to hand a revocation set to its parser. */
  private static String writeJson(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(writeJson(k)).append(':').append(writeJson(v)));
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      return "[" + String.join(",", list.stream().map(SdkExpectationsTest::writeJson).toList()) + "]";
    }
    return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
