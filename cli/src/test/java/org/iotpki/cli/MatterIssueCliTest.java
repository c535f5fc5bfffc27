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
import java.nio.file.attribute.PosixFilePermissions;
import org.iotpki.core.testing.OpenSsl;
import org.iotpki.core.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotpki matter issue paa|pai|dac|cd-signer} and {@code matter cd sign}: what they make is
 * checked by {@code matter verify}, {@code matter lint} and OpenSSL.
 */
class MatterIssueCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private record Run(int exitCode, JsonNode json, String text) {}

  private static Run run(String... args) throws Exception {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    String text = out.toString();
    return new Run(code, text.startsWith("{") ? JSON.readTree(text) : null, text);
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  /** PAA (VID FFF1), PAI (PID 8000) and a CD signer, made with the CLI. */
  private void hierarchy() throws Exception {
    assertThat(run("matter", "issue", "paa", "--cn", "CLI PAA", "--vid", "0xFFF1", "--not-before", "2026-01-01T00:00:00Z",
        "--out-cert", file("paa.pem"), "--out-key", file("paa-key.pem"), "--json").exitCode()).isZero();
    assertThat(run("matter", "issue", "pai", "--paa-cert", file("paa.pem"), "--paa-key", file("paa-key.pem"),
        "--cn", "CLI PAI", "--vid", "0xFFF1", "--pid", "0x8000", "--not-before", "2026-01-01T00:00:00Z",
        "--out-cert", file("pai.pem"), "--out-key", file("pai-key.pem"), "--json").exitCode()).isZero();
    assertThat(run("matter", "issue", "cd-signer", "--cn", "CLI CD Signer", "--not-before", "2026-01-01T00:00:00Z",
        "--out-cert", file("cd-signer.pem"), "--out-key", file("cd-signer-key.pem"), "--json").exitCode()).isZero();
  }

  @Test
  void aDacWithAGeneratedKeyAndASignedCdPassesMatterVerifyLintAndOpenSsl() throws Exception {
    hierarchy();
    Run cd = run("matter", "cd", "sign", "--signer-cert", file("cd-signer.pem"), "--signer-key", file("cd-signer-key.pem"),
        "--vid", "0xFFF1", "--pid", "0x8000", "--pid", "0x8001", "--device-type", "0x0016",
        "--certificate-id", "ZIG20142ZB330003-24", "--authorized-paa", file("paa.pem"), "--out", file("cd.der"), "--json");
    assertThat(cd.exitCode()).as(cd.text()).isZero();

    Run dac = run("matter", "issue", "dac", "--pai-cert", file("pai.pem"), "--pai-key", file("pai-key.pem"),
        "--vid", "0xFFF1", "--pid", "0x8000", "--cn", "CLI DAC SN-000042", "--not-before", "2026-01-01T00:00:00Z",
        "--cd", file("cd.der"), "--audit", file("audit.log"), "--device-serial", "SN-000042", "--out", file("SN-000042"),
        "--json");

    assertThat(dac.exitCode()).as(dac.text()).isZero();
    assertThat(dac.json().get("keyGenerated").asBoolean()).isTrue();
    assertThat(dac.json().get("notAfter").asText()).isEqualTo("9999-12-31T23:59:59Z");
    assertThat(dac.json().get("auditSequence").asLong()).isEqualTo(1);
    assertThat(Files.getPosixFilePermissions(dir.resolve("paa-key.pem"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Run verify = run("matter", "verify", "--paa", file("paa.pem"), "--pai", file("SN-000042/pai-Cert.pem"),
        "--dac", file("SN-000042/dac-Cert.der"), "--cd", file("SN-000042/cd.der"), "--cd-signer", file("cd-signer.pem"),
        "--json");
    assertThat(verify.exitCode()).as(verify.text()).isZero();
    assertThat(verify.json().get("result").asText()).isEqualTo("SUCCESS");
    for (String certificate : new String[] {"paa.pem", "pai.pem", "SN-000042/dac-Cert.pem"}) {
      Run lint = run("matter", "lint", file(certificate), "--json");
      assertThat(lint.exitCode()).as(certificate + ": " + lint.text()).isZero();
    }
    OpenSsl.Result chain = OpenSsl.run(dir, "verify", "-x509_strict", "-CAfile", "paa.pem", "-untrusted", "pai.pem",
        "SN-000042/dac-Cert.pem");
    assertThat(chain.exitCode()).as(chain.output()).isZero();
    Run found = run("audit", "find", file("audit.log"), "--device-serial", "SN-000042", "--json");
    assertThat(found.json().get("records").get(0).get("certificateSerial").asText()).isEqualTo(dac.json().get("serial").asText());
  }

  @Test
  void aDacForAnOpenSslCsrKeepsTheDevicesKeyAndAForgedCsrIsRejected() throws Exception {
    hierarchy();
    assertThat(OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "device-key.pem")
        .exitCode()).isZero();
    assertThat(OpenSsl.run(dir, "req", "-new", "-key", "device-key.pem", "-subj", "/CN=device", "-out", "device.csr")
        .exitCode()).isZero();
    assertThat(OpenSsl.run(dir, "req", "-in", "device.csr", "-outform", "DER", "-out", "device-csr.der").exitCode()).isZero();

    Run dac = run("matter", "issue", "dac", "--pai-cert", file("pai.pem"), "--pai-key", file("pai-key.pem"),
        "--vid", "0xFFF1", "--pid", "0x8000", "--cn", "CLI DAC from CSR", "--csr", file("device.csr"), "--out", file("csr-device"),
        "--json");

    assertThat(dac.exitCode()).as(dac.text()).isZero();
    assertThat(dac.json().get("keyGenerated").asBoolean()).isFalse();
    assertThat(dir.resolve("csr-device/dac-Key.pem")).doesNotExist();
    OpenSsl.Result match = OpenSsl.run(dir, "x509", "-in", "csr-device/dac-Cert.pem", "-noout", "-pubkey");
    OpenSsl.Result expected = OpenSsl.run(dir, "pkey", "-in", "device-key.pem", "-pubout");
    assertThat(match.stdout()).isEqualTo(expected.stdout());

    byte[] forged = Files.readAllBytes(dir.resolve("device-csr.der"));
    forged[forged.length - 5] ^= 0x01;
    Files.write(dir.resolve("forged.der"), forged);
    Run rejected = run("matter", "issue", "dac", "--pai-cert", file("pai.pem"), "--pai-key", file("pai-key.pem"),
        "--vid", "0xFFF1", "--pid", "0x8000", "--cn", "forged", "--csr", file("forged.der"), "--out", file("forged-device"),
        "--json");
    assertThat(rejected.exitCode()).isEqualTo(1);
    assertThat(rejected.json().get("reason").asText()).isEqualTo("CSR_SIGNATURE_INVALID");
    assertThat(dir.resolve("forged-device")).doesNotExist();
  }

  @Test
  void neverOverwritesKeysAndRejectsBadNumbers() throws Exception {
    hierarchy();
    String before = Files.readString(dir.resolve("paa-key.pem"));

    Run again = run("matter", "issue", "paa", "--cn", "CLI PAA 2", "--out-cert", file("paa2.pem"), "--out-key",
        file("paa-key.pem"), "--json");
    Run wideVid = run("matter", "issue", "pai", "--paa-cert", file("paa.pem"), "--paa-key", file("paa-key.pem"),
        "--cn", "x", "--vid", "0x10000", "--out-cert", file("x.pem"), "--out-key", file("x-key.pem"), "--json");
    Run otherVendor = run("matter", "issue", "pai", "--paa-cert", file("paa.pem"), "--paa-key", file("paa-key.pem"),
        "--cn", "x", "--vid", "0xFFF2", "--out-cert", file("y.pem"), "--out-key", file("y-key.pem"), "--json");

    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.json().get("error").asText()).contains("refusing to overwrite");
    assertThat(Files.readString(dir.resolve("paa-key.pem"))).isEqualTo(before);
    assertThat(dir.resolve("paa2.pem")).doesNotExist();
    assertThat(wideVid.exitCode()).isEqualTo(2);
    assertThat(wideVid.json().get("error").asText()).contains("16-bit");
    assertThat(otherVendor.exitCode()).isEqualTo(2);
    assertThat(otherVendor.json().get("error").asText()).contains("vendor 0xFFF1");
  }

  @Test
  void aBatchAuditedInPostgreSqlIsFoundAndVerifiedThroughItsJdbcUrl() throws Exception {
    hierarchy();
    try (PostgresServer postgres = PostgresServer.start()) {
      String url = postgres.jdbcUrl() + "&password=not-shown";

      Run batch = run("matter", "batch", "--pai-cert", file("pai.pem"), "--pai-key", file("pai-key.pem"), "--vid", "0xFFF1",
          "--pid", "0x8000", "--count", "5", "--out", file("run"), "--audit", url, "--json");

      assertThat(batch.exitCode()).as(batch.text()).isZero();
      assertThat(batch.json().get("auditIntact").asBoolean()).isTrue();
      assertThat(batch.text()).doesNotContain("not-shown").contains("password=***");
      Run verify = run("audit", "verify", url, "--json");
      assertThat(verify.exitCode()).isZero();
      assertThat(verify.json().get("records").asInt()).isEqualTo(5);
      Run found = run("audit", "find", url, "--device-serial", "SN-000003", "--json");
      assertThat(found.exitCode()).isZero();
      String dacSerial = run("cert", "show", file("run/SN-000003/dac-Cert.pem"), "--json").json().get("serial").asText();
      assertThat(found.json().get("records").get(0).get("certificateSerial").asText()).isEqualTo(dacSerial);
    }
  }
}
