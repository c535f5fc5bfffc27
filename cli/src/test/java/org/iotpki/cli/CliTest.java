// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract: JSON fields, exit codes 0/1/2, one JSON object, no stack traces. */
class CliTest {

  @TempDir static Path dir;
  static TestCa root;
  static TestCa issuing;
  static Credential device;

  @BeforeAll
  static void files() throws Exception {
    root = TestCa.create();
    issuing = root.intermediate("CN=Issuing CA");
    device = issuing.issue("CN=sensor-0042");
    Files.writeString(dir.resolve("root.pem"), PemEncoder.certificate(root.certificate()));
    Files.writeString(dir.resolve("issuing.pem"), PemEncoder.certificate(issuing.certificate()));
    Files.writeString(dir.resolve("device.pem"), PemEncoder.certificate(device.certificate()));
    Files.write(dir.resolve("device.der"), device.certificate().getEncoded());
    Files.writeString(dir.resolve("chain.pem"), PemEncoder.certificates(device.chain()));
    Files.writeString(dir.resolve("issuing-key.pem"), PemEncoder.publicKey(issuing.certificate().getPublicKey()));
    byte[] tampered = device.certificate().getEncoded();
    tampered[tampered.length - 3] ^= 0x01;
    Files.write(dir.resolve("tampered.der"), tampered);
    Files.write(dir.resolve("garbage.bin"), "\u0000\u0001not a certificate at all".getBytes(StandardCharsets.UTF_8));
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String file(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void certShowPrintsTheContractFieldsForPemAndDer() throws Exception {
    for (String name : new String[] {"device.pem", "device.der"}) {
      CliRun run = run("cert", "show", file(name), "--json");

      assertThat(run.exitCode()).isZero();
      JsonNode json = run.json();
      X509Certificate certificate = device.certificate();
      assertThat(json.get("subject").asText()).isEqualTo("CN=sensor-0042");
      assertThat(json.get("issuer").asText()).isEqualTo("CN=Issuing CA");
      assertThat(json.get("serial").asText()).isEqualTo(certificate.getSerialNumber().toString(16));
      assertThat(json.get("signatureAlgorithm").asText()).isEqualTo("ECDSA_SHA256");
      assertThat(json.get("signatureAlgorithmOid").asText()).isEqualTo("1.2.840.10045.4.3.2");
      assertThat(json.get("publicKeyAlgorithm").asText()).isEqualTo("EC P-256");
      assertThat(json.get("derLength").asInt()).isEqualTo(certificate.getEncoded().length);
    }
  }

  @Test
  void certShowOfAChainListsEveryCertificate() throws Exception {
    CliRun run = run("cert", "show", "--json", file("chain.pem"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.json().get("chainLength").asInt()).isEqualTo(2);
    assertThat(run.json().get("chain").get(1).get("subject").asText()).isEqualTo("CN=Issuing CA");
  }

  @Test
  void certShowWithoutJsonPrintsText() {
    CliRun run = run("cert", "show", file("device.pem"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Subject:").contains("CN=sensor-0042").contains("EC P-256");
  }

  @Test
  void certVerifyAcceptsTheIssuersCertificateOrKeyAndSelfSignedRoots() throws Exception {
    CliRun withCertificate = run("cert", "verify", "--cert", file("device.pem"), "--issuer", file("issuing.pem"), "--json");
    CliRun withKey = run("cert", "verify", "--cert", file("device.der"), "--issuer", file("issuing-key.pem"), "--json");
    CliRun selfSigned = run("cert", "verify", "--cert", file("root.pem"), "--json");

    for (CliRun run : new CliRun[] {withCertificate, withKey, selfSigned}) {
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(run.json().get("valid").asBoolean()).isTrue();
      assertThat(run.json().get("signatureAlgorithmOid").asText()).isEqualTo("1.2.840.10045.4.3.2");
    }
  }

  @Test
  void certVerifyOfATamperedSignatureExitsOneWithTheReason() throws Exception {
    CliRun run = run("cert", "verify", "--cert", file("tampered.der"), "--issuer", file("issuing.pem"), "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("valid").asBoolean()).isFalse();
    assertThat(run.json().get("reason").asText()).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void certVerifyWithTheWrongIssuerExitsOne() throws Exception {
    CliRun run = run("cert", "verify", "--cert", file("device.pem"), "--issuer", file("root.pem"), "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("reason").asText()).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void garbageAndMissingFilesExitTwoWithAnErrorAndNoStackTrace() throws Exception {
    CliRun[] runs = {
      run("cert", "show", file("garbage.bin"), "--json"),
      run("cert", "verify", "--cert", file("garbage.bin"), "--json"),
      run("cert", "verify", "--cert", file("device.pem"), "--issuer", file("garbage.bin"), "--json"),
      run("cert", "show", file("no-such-file.pem"), "--json"),
      run("cert", "validate", "--chain", file("chain.pem"), "--trust", file("garbage.bin"), "--json"),
    };
    for (CliRun run : runs) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.json().get("error").asText()).isNotBlank();
      assertThat(run.out() + run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
  }

  @Test
  void usageErrorsExitTwoAndStillPrintOneJsonObject() throws Exception {
    CliRun missingOption = run("cert", "verify", "--json");
    CliRun unknownCommand = run("cert", "frobnicate", "--json");
    CliRun badInstant = run("cert", "validate", "--chain", file("chain.pem"), "--trust", file("root.pem"), "--at", "yesterday", "--json");

    for (CliRun run : new CliRun[] {missingOption, unknownCommand, badInstant}) {
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.json().get("error").asText()).isNotBlank();
      assertThat(run.err()).contains("Usage:");
    }
  }

  @Test
  void certValidateExitsZeroForATrustedChainAndOneWithTheFailingCertificate() throws Exception {
    CliRun valid = run("cert", "validate", "--chain", file("chain.pem"), "--trust", file("root.pem"), "--json");
    CliRun expired = run("cert", "validate", "--chain", file("chain.pem"), "--trust", file("root.pem"),
        "--at", "2099-01-01T00:00:00Z", "--json");
    CliRun untrusted = run("cert", "validate", "--chain", file("device.pem"), "--trust", file("root.pem"), "--json");

    assertThat(valid.exitCode()).isZero();
    assertThat(valid.json().get("path")).hasSize(3);
    assertThat(expired.exitCode()).isEqualTo(1);
    assertThat(expired.json().get("reason").asText()).isEqualTo("EXPIRED");
    assertThat(untrusted.exitCode()).isEqualTo(1);
    assertThat(untrusted.json().get("reason").asText()).isEqualTo("UNTRUSTED_ROOT");
    assertThat(untrusted.json().get("failing").asText()).isEqualTo("CN=sensor-0042");
  }

  @Test
  void demoSucceedsAndWritesFilesTheOtherCommandsAccept() throws Exception {
    Path out = dir.resolve("demo");
    CliRun demo = run("demo", "--json", "--out", out.toString());

    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.json().get("success").asBoolean()).isTrue();
    assertThat(demo.json().get("steps").get(4).get("reason").asText()).isEqualTo("SIGNATURE_INVALID");
    CliRun validate = run("cert", "validate", "--chain", out.resolve("device-chain.pem").toString(),
        "--trust", out.resolve("root-ca.pem").toString());
    assertThat(validate.exitCode()).isZero();
    assertThat(Files.getPosixFilePermissions(out.resolve("device-key.pem")))
        .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    assertThat(demo.json().get("steps").get(5).get("attestation").asText()).isEqualTo("SUCCESS");
    var acme = demo.json().get("steps").get(7);
    assertThat(acme.get("step").asText()).isEqualTo("acme gateway");
    if (org.iotpki.core.testing.Program.installed("pebble")) {
      assertThat(acme.get("renewed").asText()).startsWith("serial ")
          .isNotEqualTo(acme.get("enrolled").asText());
    } else {
      assertThat(acme.get("skipped").asText()).isEqualTo("pebble is not installed");
    }
    Path device = out.resolve("matter-SN-000002");
    CliRun matterVerify = run("matter", "verify", "--paa", out.resolve("matter-paa.pem").toString(),
        "--pai", device.resolve("pai-Cert.pem").toString(), "--dac", device.resolve("dac-Cert.der").toString(),
        "--cd", device.resolve("cd.der").toString(), "--cd-signer", out.resolve("matter-cd-signer.pem").toString());
    assertThat(matterVerify.exitCode()).as(matterVerify.out()).isZero();
    assertThat(run("demo", "--out", out.toString()).exitCode()).as("a second demo into the same directory").isZero();
  }

  @Test
  void helpExitsZero() {
    assertThat(run("--help").exitCode()).isZero();
    assertThat(run("cert", "verify", "--help").out()).contains("--issuer");
  }
}
