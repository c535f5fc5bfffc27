// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotpki matter verify} and {@code iotpki matter lint} on connectedhomeip's test PAA/PAI/DAC
 * and Certification Declaration (the matter-attestation module's vectors).
 */
class MatterVerifyCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path VECTORS = Path.of(System.getProperty("iotpki.root", ".."))
      .resolve("matter-attestation/src/test/resources/vectors/attestation");
  private static final String PAA = cert("sTestCert_PAA_FFF1_Cert.pem");
  private static final String PAI = cert("sTestCert_PAI_FFF1_8000_Cert.pem");
  private static final String DAC = cert("sTestCert_DAC_FFF1_8000_0004_Cert.pem");
  private static final String CD = VECTORS.resolve("cd/cd-cms-signed-01.hex").toString();
  private static final String CD_SIGNER = VECTORS.resolve("cd/Chip-Test-CD-Signing-Cert.pem").toString();

  @TempDir Path dir;

  private record Run(int exitCode, JsonNode json) {}

  private static Run run(String... args) throws Exception {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    return new Run(code, JSON.readTree(out.toString()));
  }

  private static String cert(String name) {
    return VECTORS.resolve("certs").resolve(name).toString();
  }

  @Test
  void theSdkTestChainWithItsCertificationDeclarationVerifies() throws Exception {
    Path paas = Files.createDirectory(dir.resolve("paa-root-certs"));
    Files.copy(Path.of(PAA), paas.resolve("paa-fff1.pem"));
    Files.copy(Path.of(cert("sTestCert_PAA_NoVID_Cert.pem")), paas.resolve("paa-novid.pem"));

    Run run = run("matter", "verify", "--paa", paas.toString(), "--pai", PAI, "--dac", DAC,
        "--cd", CD, "--cd-signer", CD_SIGNER, "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.json().get("result").asText()).isEqualTo("SUCCESS");
    assertThat(run.json().get("code").asInt()).isZero();
    assertThat(run.json().get("certificateId").asText()).isEqualTo("ZIG20141ZB330001-24");
  }

  @Test
  void aBasicInformationVendorTheCdDoesNotCoverIsCode604() throws Exception {
    Run run = run("matter", "verify", "--paa", PAA, "--pai", PAI, "--dac", DAC, "--cd", CD, "--cd-signer", CD_SIGNER,
        "--vid", "0xFFF2", "--pid", "0x8000", "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("result").asText()).isEqualTo("CERTIFICATION_DECLARATION_INVALID_VENDOR_ID");
    assertThat(run.json().get("code").asInt()).isEqualTo(604);
    assertThat(run.json().get("failing").asText()).isEqualTo("CERTIFICATION_DECLARATION");
  }

  @Test
  void aPaaThatDidNotIssueThePaiIsPaaNotFound() throws Exception {
    Run run = run("matter", "verify", "--paa", cert("sTestCert_PAA_NoVID_Cert.pem"), "--pai", PAI, "--dac", DAC,
        "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("result").asText()).isEqualTo("PAA_NOT_FOUND");
    assertThat(run.json().get("code").asInt()).isEqualTo(101);
  }

  @Test
  void aDacFromAnotherVendorIsDacVendorIdMismatch() throws Exception {
    Run run = run("matter", "verify", "--paa", PAA, "--pai", PAI, "--dac", cert("sTestCert_DAC_FFF2_8001_0008_Cert.pem"),
        "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("result").asText()).isEqualTo("DAC_VENDOR_ID_MISMATCH");
    assertThat(run.json().get("code").asInt()).isEqualTo(305);
  }

  @Test
  void aRevokedDacIsCode302() throws Exception {
    Path set = dir.resolve("revocation-set.json");
    // The DAC 0004's issuer name, its AKID and its serial, as connectedhomeip's revocation test writes them.
    Files.writeString(set, """
        [{"type": "revocation_set",
          "issuer_subject_key_id": "AF42B7094DEBD515EC6ECF33B81115225F325288",
          "issuer_name": "MEYxGDAWBgNVBAMMD01hdHRlciBUZXN0IFBBSTEUMBIGCisGAQQBgqJ8AgEMBEZGRjExFDASBgorBgEEAYKifAICDAQ4MDAw",
          "revoked_serial_numbers": ["0C694F7F866067B2"]}]
        """);

    Run run = run("matter", "verify", "--paa", PAA, "--pai", PAI, "--dac", DAC, "--revocation-set", set.toString(),
        "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("result").asText()).isEqualTo("DAC_REVOKED");
    assertThat(run.json().get("code").asInt()).isEqualTo(302);
  }

  @Test
  void unreadableInputIsExitTwoWithAnError() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");

    Run run = run("matter", "verify", "--paa", PAA, "--pai", garbage.toString(), "--dac", DAC, "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.json().has("error")).isTrue();
  }

  @Test
  void lintReportsEveryViolationAndExitsOne() throws Exception {
    Run clean = run("matter", "lint", PAA, PAI, DAC, "--json");
    Run broken = run("matter", "lint", cert("kPaiPathLen1.pem"), "--json");

    assertThat(clean.exitCode()).isZero();
    assertThat(clean.json().get("violationCount").asInt()).isZero();
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.json().get("certificates").get(0).get("type").asText()).isEqualTo("PAI");
    assertThat(broken.json().get("certificates").get(0).get("violations").get(0).get("rule").asText())
        .isEqualTo("basic-constraints");
  }
}
