// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotpki matter}: the JSON fields, exit codes 0/1/2 and byte-exact conversion, on
 * connectedhomeip's Root01 -> ICA01 -> Node01_01 test chain (CHIPCert_test_vectors.cpp).
 */
class MatterCliTest {
  private static final String ROOT01 =
      "15300108534c4582736235142402013703271401000000cacacaca182604ef171b2726056eb5b94c3706271401000000caca"
          + "caca18240701240801300941043b88460ec9687a5d0f3b4b3b13fcd299c2f6d5051d003ee49c9924cf98f4f780eb20fd37c8"
          + "d358347f5f87d08c3213e540af11bab9137e49354f0c5b6343de63370a3501290118240260300414cc1308af82cfee505eb2"
          + "3b57bfe86a311665535f300514cc1308af82cfee505eb23b57bfe86a311665535f18300b40f7f0092690494e46c8b1c5cbd1"
          + "a5085e1e65d4360f98e96c4e8e495dc5e216d0bfa23d8f57470d89fddaf03f0464b0ae8e1f956d6f67a31124385824689780"
          + "a918";
  private static final String ICA01 =
      "1530010869d86a8d80fc8f5d2402013703271401000000cacacaca182604ef171b2726056eb5b94c3706271303000000caca"
          + "caca18240701240801300941045f94f57e0b13c9cfcf96dfe1fce7888d564cc209c55c4508e44dcf16ba2e09662f9eecf19f"
          + "40b0e88a0b2815da9ee10a3a177c251f434f5b0f263ce7de6278c6370a3501290118240260300414440cc69231c4cb5b3794"
          + "2426f81bbe24b7ef345c300514cc1308af82cfee505eb23b57bfe86a311665535f18300b40adb85b5d68cbfd36140d8c9d12"
          + "9014c45fa7ca191f34d9af241db71736e60f44199bc07c7f795bed81a2e77dc5342576f6a0d14198f46b910749427c2eed65"
          + "9c18";
  private static final String NODE01_01 =
      "1530010818e969ba0e089e232402013703271303000000cacacaca182604ef171b2726056eb5b94c3706271101000100dede"
          + "dede27151d0000000000b0fa1824070124080130094104bcf6580d2d71e14416651f7c311b5efcf9aec0a8c10af80927844c"
          + "240f51a8eb23fa0744138887ac1e73cb72a054b6a0db0622aa807071016313b1596c8552cf370a3501280118240201360304"
          + "020401183004146967c912f8a3e689556f899b65d76f53fa65c7b6300514440cc69231c4cb5b37942426f81bbe24b7ef345c"
          + "18300b40ce6ef393cbbc94f80ee290cb3c3d373335bab95907734d99d384a62a373b8484e1d41a04c3140faa19e8a2b99b0c"
          + "61e33c27ea913973e45b5bc6e39c270dac5318";

  @TempDir static Path dir;

  @BeforeAll
  static void files() throws Exception {
    Files.write(dir.resolve("root.chip"), HexFormat.of().parseHex(ROOT01));
    Files.write(dir.resolve("ica.chip"), HexFormat.of().parseHex(ICA01));
    Files.write(dir.resolve("noc.chip"), HexFormat.of().parseHex(NODE01_01));
    Files.write(dir.resolve("garbage.bin"), new byte[] {0x15, 0x24, 0x01});
    TestCa ca = TestCa.create();
    Files.writeString(dir.resolve("ca.pem"), PemEncoder.certificate(ca.certificate()));
    // TestCa's end-entity certificates mark extendedKeyUsage non-critical, which Matter TLV cannot express.
    Files.writeString(dir.resolve("other.pem"), PemEncoder.certificate(ca.issue("CN=sensor-0042").certificate()));
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String file(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void convertsTlvToDerAndBackByteExact() throws Exception {
    CliRun toDer = run("matter", "cert", "convert", "--in", file("noc.chip"), "--out", file("noc.der"), "--to", "der", "--json");
    assertThat(toDer.exitCode()).isZero();
    assertThat(toDer.json().get("inputForm").asText()).isEqualTo("tlv");
    assertThat(toDer.json().get("length").asInt()).isEqualTo(485);
    assertThat(java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(Files.newInputStream(dir.resolve("noc.der")))).isNotNull();

    CliRun toTlv = run("matter", "cert", "convert", "--in", file("noc.der"), "--out", file("noc2.chip"), "--to", "tlv");
    assertThat(toTlv.exitCode()).isZero();
    assertThat(toTlv.out()).contains("Wrote TLV (269 bytes)");
    assertThat(Files.readAllBytes(dir.resolve("noc2.chip"))).isEqualTo(HexFormat.of().parseHex(NODE01_01));
  }

  @Test
  void showPrintsTheDecodedFields() throws Exception {
    CliRun run = run("matter", "cert", "show", file("noc.chip"), "--json");
    assertThat(run.exitCode()).isZero();
    JsonNode json = run.json();
    assertThat(json.get("form").asText()).isEqualTo("tlv");
    assertThat(json.get("serial").asText()).isEqualTo("18e969ba0e089e23");
    assertThat(json.get("subject").get(0).get("type").asText()).isEqualTo("MATTER_NODE_ID");
    assertThat(json.get("subject").get(0).get("value").asText()).isEqualTo("DEDEDEDE00010001");
    assertThat(json.get("issuer").get(0).get("value").asText()).isEqualTo("CACACACA00000003");
    assertThat(json.get("notBefore").asText()).isEqualTo("2020-10-15T14:23:43Z");
    assertThat(json.get("extensions").get(2).get("purposes").toString()).isEqualTo("[\"CLIENT_AUTH\",\"SERVER_AUTH\"]");
    assertThat(json.get("derLength").asInt()).isEqualTo(485);

    CliRun text = run("matter", "cert", "show", file("root.chip"));
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("MATTER_RCAC_ID=CACACACA00000001").contains("basicConstraints ca=true");
  }

  @Test
  void validateExitsZeroForAValidChainAndOneWithTheReason() throws Exception {
    CliRun valid = run("matter", "cert", "validate", "--noc", file("noc.chip"), "--icac", file("ica.chip"),
        "--rcac", file("root.chip"), "--at", "2026-11-24T00:00:00Z", "--json");
    assertThat(valid.exitCode()).isZero();
    assertThat(valid.json().get("nodeId").asText()).isEqualTo("DEDEDEDE00010001");

    CliRun missingIcac = run("matter", "cert", "validate", "--noc", file("noc.chip"), "--rcac", file("root.chip"),
        "--at", "2026-11-24T00:00:00Z", "--json");
    assertThat(missingIcac.exitCode()).isEqualTo(1);
    assertThat(missingIcac.json().get("reason").asText()).isEqualTo("ISSUER_MISMATCH");
    assertThat(missingIcac.json().get("certificate").asText()).isEqualTo("NOC");

    CliRun expired = run("matter", "cert", "validate", "--noc", file("noc.chip"), "--icac", file("ica.chip"),
        "--rcac", file("root.chip"), "--at", "2041-01-01T00:00:00Z", "--json");
    assertThat(expired.exitCode()).isEqualTo(1);
    assertThat(expired.json().get("reason").asText()).isEqualTo("EXPIRED");
  }

  @Test
  void anX509CaWithOnlyMatterEncodableFieldsConvertsFromPem() throws Exception {
    CliRun run = run("matter", "cert", "convert", "--in", file("ca.pem"), "--out", file("ca.chip"), "--to", "tlv", "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.json().get("inputForm").asText()).isEqualTo("pem");
    CliRun back = run("matter", "cert", "convert", "--in", file("ca.chip"), "--out", file("ca.der"), "--to", "der");
    assertThat(back.exitCode()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("ca.der")))
        .isEqualTo(org.iotpki.core.io.PkiReader.defaults().readCertificate(dir.resolve("ca.pem")).getEncoded());
  }

  @Test
  void tlvDecodePrintsEveryElement() throws Exception {
    CliRun text = run("matter", "tlv", "decode", file("root.chip"));
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).startsWith("anonymous: structure {\n  1: byte string (8) 534c458273623514\n");
    CliRun json = run("matter", "tlv", "decode", file("root.chip"), "--json");
    assertThat(json.exitCode()).isZero();
    assertThat(json.json().get("elements").get(0).get("type").asText()).isEqualTo("structure");
    assertThat(json.json().get("elements").get(0).get("elements").get(1).get("value").asText()).isEqualTo("1");
  }

  @Test
  void malformedInputIsExitTwoWithAnErrorAndNoStackTrace() throws Exception {
    for (String[] args : new String[][] {
        {"matter", "tlv", "decode", file("garbage.bin"), "--json"},
        {"matter", "cert", "show", file("garbage.bin"), "--json"},
        {"matter", "cert", "convert", "--in", file("other.pem"), "--out", file("x.chip"), "--to", "tlv", "--json"},
        {"matter", "cert", "show", file("missing.chip"), "--json"},
    }) {
      CliRun run = run(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.json().get("error").asText()).isNotBlank();
      assertThat(run.out() + run.err()).doesNotContain("\tat ");
    }
    CliRun noTlv = run("matter", "cert", "convert", "--in", file("other.pem"), "--out", file("x.chip"), "--to", "tlv", "--json");
    assertThat(noTlv.json().get("error").asText()).contains("2.5.29.37 (it must be critical)");
    CliRun usage = run("matter", "cert", "convert", "--in", file("noc.chip"), "--to", "pem", "--json");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.json().get("error").asText()).isNotBlank();
  }
}
