// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.EstServer.Fault;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotpki est ...} against the testkit EST server: the exit codes and JSON of the contract. */
class EstCliTest {
  @TempDir static Path dir;
  static TestCa issuing;
  static EstServer server;
  static String trust;
  static String url;

  @BeforeAll
  static void start() throws Exception {
    issuing = TestCa.create().intermediate("CN=iotpki Test EST CA");
    server = EstServer.builder(issuing).credentials("estuser", "estpwd".toCharArray()).start();
    trust = Files.writeString(dir.resolve("ca.pem"), PemEncoder.certificate(server.trustAnchor()))
        .toString();
    url = "https://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String out(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void cacertsWritesThePemBundle() throws Exception {
    CliRun run = run("est", "cacerts", "--url", url, "--trust", trust, "--out", out("cacerts.pem"),
        "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.json().get("certificates")).hasSize(2);
    assertThat(PkiReader.defaults().readCertificates(dir.resolve("cacerts.pem")))
        .containsExactlyInAnyOrder(issuing.certificate(), server.trustAnchor());
  }

  @Test
  void enrollWritesKeyCertAndChain() throws Exception {
    CliRun run = run("est", "enroll", "--url", url, "--trust", trust, "--subject", "CN=cli-device",
        "--username", "estuser", "--password", "estpwd", "--out", out("enrolled"), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = run.json();
    assertThat(json.get("status").asText()).isEqualTo("issued");
    assertThat(json.get("subject").asText()).isEqualTo("CN=cli-device");
    Path key = Path.of(json.get("files").get("key").asText());
    assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Credential credential = new Credential(PkiReader.defaults().readPrivateKey(key),
        PkiReader.defaults().readCertificates(dir.resolve("enrolled/chain.pem")));
    org.iotpki.core.crypto.Signer.forCertificate(credential.certificate(), credential.privateKey());
    assertThat(PkiReader.defaults().readCertificate(dir.resolve("enrolled/cert.pem")))
        .isEqualTo(credential.certificate());
  }

  @Test
  void enrollCertifiesAnOpenSslKey() throws Exception {
    org.iotpki.core.testing.OpenSsl.Result made = org.iotpki.core.testing.OpenSsl.run(dir,
        "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "own.key");
    assertThat(made.exitCode()).as(made.output()).isZero();

    CliRun run = run("est", "enroll", "--url", url, "--trust", trust, "--subject", "CN=own-key",
        "--key", out("own.key"), "--username", "estuser", "--password", "estpwd",
        "--out", out("own"), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.json().get("files").has("key")).isFalse();
    org.iotpki.core.crypto.Signer.forCertificate(
        PkiReader.defaults().readCertificate(dir.resolve("own/cert.pem")),
        PkiReader.defaults().readPrivateKey(dir.resolve("own.key")));
  }

  @Test
  void aWrongPasswordExitsOneWithTheStatusAsReason() throws Exception {
    Path passwordFile = Files.writeString(dir.resolve("wrong.txt"), "guess\n");
    CliRun run = run("est", "enroll", "--url", url, "--trust", trust, "--subject", "CN=x",
        "--username", "estuser", "--password-file", passwordFile.toString(), "--out", out("wrong"),
        "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("reason").asText()).isEqualTo("401");
  }

  @Test
  void pendingExitsThreeAndResumesFromTheStateFile() throws Exception {
    server.enqueue(Fault.pending(Duration.ofSeconds(1)));
    CliRun first = run("est", "enroll", "--url", url, "--trust", trust, "--subject", "CN=cli-pending",
        "--username", "estuser", "--password", "estpwd", "--no-csrattrs", "--out", out("pending"),
        "--json");

    assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
    JsonNode pending = first.json();
    Path state = Path.of(pending.get("state").asText());
    assertThat(Files.getPosixFilePermissions(state))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(pending.get("resume").asText()).startsWith("iotpki est resume --state " + state);

    CliRun resumed = run("est", "resume", "--state", state.toString(), "--trust", trust,
        "--out", out("pending"), "--max-wait", "30", "--json");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.json().get("subject").asText()).isEqualTo("CN=cli-pending");
    assertThat(state).doesNotExist();
    assertThat(dir.resolve("pending/key.pem")).exists();
  }

  @Test
  void reenrollRenewsWithTheCurrentCredential() throws Exception {
    Credential current = issuing.issue("CN=cli-renewing");
    Files.writeString(dir.resolve("current.pem"), PemEncoder.certificates(current.chain()));
    Files.writeString(dir.resolve("current.key"), PemEncoder.privateKey(current.privateKey()));

    CliRun run = run("est", "reenroll", "--url", url, "--trust", trust, "--cert", out("current.pem"),
        "--key", out("current.key"), "--out", out("renewed"), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.json().get("subject").asText()).isEqualTo("CN=cli-renewing");
    assertThat(PkiReader.defaults().readCertificate(dir.resolve("renewed/cert.pem")).getPublicKey())
        .isNotEqualTo(current.certificate().getPublicKey());
  }

  @Test
  void serverkeygenWritesTheServersKey() throws Exception {
    CliRun run = run("est", "serverkeygen", "--url", url, "--trust", trust, "--subject",
        "CN=cli-keyless", "--username", "estuser", "--password", "estpwd", "--out", out("keyless"),
        "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    org.iotpki.core.crypto.Signer.forCertificate(
        PkiReader.defaults().readCertificate(dir.resolve("keyless/cert.pem")),
        PkiReader.defaults().readPrivateKey(dir.resolve("keyless/key.pem")));
  }

  @Test
  void anUntrustedServerExitsTwoWithTheFailureKind() throws Exception {
    Path other = Files.writeString(dir.resolve("other-ca.pem"),
        PemEncoder.certificate(TestCa.create().certificate()));

    CliRun run = run("est", "cacerts", "--url", url, "--trust", other.toString(), "--out",
        out("never.pem"), "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.json().get("failure").asText()).isEqualTo("TLS");
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    assertThat(run("est", "enroll", "--url", url, "--trust", trust, "--subject", "CN=x",
        "--username", "estuser", "--out", out("half")).exitCode()).isEqualTo(2);
    assertThat(run("est", "enroll", "--url", "http://127.0.0.1:1", "--trust", trust,
        "--subject", "CN=x", "--out", out("http")).exitCode()).isEqualTo(2);
  }
}
