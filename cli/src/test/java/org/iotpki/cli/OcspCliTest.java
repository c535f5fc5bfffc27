// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.testing.OcspTestCa;
import org.iotpki.core.testing.OpenSslOcspResponder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotpki ocsp check} against OpenSSL's OCSP responder: exit codes and JSON per the CLI contract. */
class OcspCliTest {
  @TempDir Path dir;
  private OcspTestCa ca;
  private String issuer;

  @BeforeEach
  void createCa() throws Exception {
    ca = new OcspTestCa();
    issuer = write("issuer.pem", ca.ca.certificate());
  }

  private String write(String name, X509Certificate certificate) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, PemEncoder.certificate(certificate), StandardCharsets.US_ASCII);
    return file.toString();
  }

  @Test
  void goodCertificateExitsZeroWithTheResponsesNextUpdate() throws Exception {
    try (OpenSslOcspResponder ocsp = OpenSslOcspResponder.start(dir, ca.ca, ca.ca, ca.index(), "-nmin", "10")) {
      String cert = write("good.pem", ca.device(OcspTestCa.GOOD, ocsp.uri()));

      CliRun run = CliRun.of("ocsp", "check", "--cert", cert, "--issuer", issuer, "--json");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
      JsonNode json = run.json();
      assertThat(json.get("status").asText()).isEqualTo("good");
      assertThat(json.get("source").asText()).isEqualTo("OCSP");
      assertThat(json.get("serial").asText()).isEqualTo("1001");
      assertThat(json.has("nextUpdate")).isTrue();
    }
  }

  @Test
  void revokedCertificateExitsOneWithTimeAndReason() throws Exception {
    try (OpenSslOcspResponder ocsp = OpenSslOcspResponder.start(dir, ca.ca, ca.ca, ca.index(), "-nmin", "10")) {
      String cert = write("revoked.pem", ca.device(OcspTestCa.REVOKED, ocsp.uri()));

      CliRun run = CliRun.of("ocsp", "check", "--cert", cert, "--issuer", issuer, "--json");

      assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID);
      JsonNode json = run.json();
      assertThat(json.get("status").asText()).isEqualTo("revoked");
      assertThat(json.get("reason").asText()).isEqualTo("REVOKED");
      assertThat(json.get("revocationTime").asText()).isEqualTo(OcspTestCa.REVOKED_AT.toString());
      assertThat(json.get("revocationReason").asText()).isEqualTo("KEY_COMPROMISE");
    }
  }

  @Test
  void urlOptionOverridesTheCertificatesResponder() throws Exception {
    String cert = write("unknown.pem", ca.device(OcspTestCa.NOT_IN_INDEX, closedPort()));
    try (OpenSslOcspResponder ocsp = OpenSslOcspResponder.start(dir, ca.ca, ca.ca, ca.index(), "-nmin", "10")) {
      CliRun run = CliRun.of("ocsp", "check", "--cert", cert, "--issuer", issuer, "--url", ocsp.uri().toString(), "--json");

      assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID);
      assertThat(run.json().get("status").asText()).isEqualTo("unknown");
      assertThat(run.json().get("reason").asText()).isEqualTo("CERTIFICATE_STATUS_UNKNOWN");
    }
  }

  @Test
  void unreachableResponderFailsHardAndPassesSoftSayingSo() throws Exception {
    String cert = write("good.pem", ca.device(OcspTestCa.GOOD, closedPort()));

    CliRun hard = CliRun.of("ocsp", "check", "--cert", cert, "--issuer", issuer, "--json");
    CliRun soft = CliRun.of("ocsp", "check", "--cert", cert, "--issuer", issuer, "--policy", "soft-fail", "--json");

    assertThat(hard.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(hard.json().get("reason").asText()).isEqualTo("RESPONDER_UNREACHABLE");
    assertThat(soft.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(soft.json().get("status").asText()).isEqualTo("soft-failed");
    assertThat(soft.json().get("reason").asText()).isEqualTo("RESPONDER_UNREACHABLE");
  }

  @Test
  void unknownPolicyAndUnreadableCertificateAreInputErrors() throws Exception {
    String cert = write("good.pem", ca.device(OcspTestCa.GOOD, closedPort()));
    Files.writeString(dir.resolve("garbage.pem"), "not a certificate", StandardCharsets.US_ASCII);

    CliRun policy = CliRun.of("ocsp", "check", "--cert", cert, "--issuer", issuer, "--policy", "stapled", "--json");
    CliRun garbage = CliRun.of("ocsp", "check", "--cert", dir.resolve("garbage.pem").toString(), "--issuer", issuer, "--json");

    assertThat(policy.exitCode()).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(policy.json().has("error")).isTrue();
    assertThat(garbage.exitCode()).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(garbage.json().has("error")).isTrue();
  }

  /** A URI on 127.0.0.1 where nothing listens. */
  private static URI closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }
  }
}
