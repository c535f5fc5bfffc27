// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.OpenSsl;
import org.iotpki.testkit.CmpServer;
import org.iotpki.testkit.OpenSslCmpServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotpki cmp ...} against OpenSSL's CMP mock server: exit codes and JSON of the contract. */
class CmpCliTest {
  @TempDir Path dir;

  @BeforeEach
  void requireOpenSsl() {
    OpenSsl.require();
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private String write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text).toString();
  }

  @Test
  void enrollWithTheSharedSecretThenRevoke() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(Files.createDirectories(dir.resolve("srv")))) {
      String key = write("device.key", PemEncoder.privateKey(server.deviceKey.getPrivate()));
      String secret = write("secret.txt", new String(OpenSslCmpServer.SECRET) + "\n");

      CliRun enrolled = run("cmp", "enroll", "--url", server.uri().toString(), "--ref",
          OpenSslCmpServer.REFERENCE, "--secret-file", secret, "--allow-weak-pbm",
          "--subject", "CN=cmp-device", "--key", key, "--out", dir.resolve("out").toString(),
          "--json");

      assertThat(enrolled.exitCode()).as(enrolled.err()).isZero();
      assertThat(PkiReader.defaults().readCertificate(dir.resolve("out/cert.pem")))
          .isEqualTo(server.deviceCertificate);
      assertThat(enrolled.json().get("files").has("key")).isFalse();

      CliRun revoked = run("cmp", "revoke", "--url", server.uri().toString(), "--ref",
          OpenSslCmpServer.REFERENCE, "--secret-file", secret, "--allow-weak-pbm", "--revoke",
          dir.resolve("out/cert.pem").toString(), "--reason", "1", "--json");
      assertThat(revoked.exitCode()).as(revoked.err()).isZero();
      assertThat(revoked.json().get("status").asText()).isEqualTo("revoked");
    }
  }

  @Test
  void aWrongSecretExitsOneWithTheFailureName() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(Files.createDirectories(dir.resolve("srv")))) {
      String key = write("device.key", PemEncoder.privateKey(server.deviceKey.getPrivate()));

      CliRun wrong = run("cmp", "enroll", "--url", server.uri().toString(), "--ref",
          OpenSslCmpServer.REFERENCE, "--secret", "wrong", "--subject", "CN=cmp-device",
          "--key", key, "--out", dir.resolve("wrong").toString(), "--json");
      assertThat(wrong.exitCode()).isEqualTo(1);
      assertThat(wrong.json().get("reason").asText()).isEqualTo("badRequest");
    }
  }

  @Test
  void genmReportsTheTemplateAndAnAuthenticatedRootUpdate() throws Exception {
    TestCa root = TestCa.create();
    TestCa next = TestCa.builder().subject("CN=iotpki Test Root CA G2").build();
    try (CmpServer server = CmpServer.builder(root.intermediate("CN=CMP CA"))
        .sharedSecret("ref", "s3cret".toCharArray())
        .rootCaKeyUpdate(next.root(), root.crossCertify(next), null).start()) {
      String current = write("root.pem", PemEncoder.certificate(root.root()));
      String url = server.uri().toString();

      CliRun template = run("cmp", "genm", "--url", url, "--ref", "ref", "--secret", "s3cret",
          "--type", "certreqtemplate", "--json");
      CliRun update = run("cmp", "genm", "--url", url, "--ref", "ref", "--secret", "s3cret",
          "--type", "rootupdate", "--current-root", current,
          "--out", dir.resolve("update.pem").toString(), "--json");
      CliRun noRoot = run("cmp", "genm", "--url", url, "--ref", "ref", "--secret", "s3cret",
          "--type", "rootupdate");

      assertThat(template.exitCode()).as(template.err()).isZero();
      assertThat(template.json().get("keyAlgorithm").asText()).isEqualTo("EC P-256");
      assertThat(update.exitCode()).as(update.err()).isZero();
      assertThat(update.json().get("update").asBoolean()).isTrue();
      assertThat(PkiReader.defaults().readCertificates(dir.resolve("update.pem")))
          .first().isEqualTo(next.root());
      assertThat(noRoot.exitCode()).isEqualTo(2);
    }
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("cmp", "enroll", "--url", "http://127.0.0.1:1/pkix/", "--cmd", "xx",
        "--subject", "CN=x", "--out", dir.resolve("x").toString()).exitCode()).isEqualTo(2);
    assertThat(run("cmp", "enroll", "--url", "http://127.0.0.1:1/pkix/", "--ref", "r",
        "--subject", "CN=x", "--out", dir.resolve("y").toString()).exitCode()).isEqualTo(2);
  }
}
