// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.PkiReader;
import org.iotpki.testkit.ScepServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotpki scep ...} against the testkit SCEP server: exit codes and JSON of the contract. */
class ScepCliTest {
  @TempDir static Path dir;
  static TestCa issuing;
  static ScepServer server;
  static ScepServer manual;

  @BeforeAll
  static void start() {
    issuing = TestCa.create().intermediate("CN=iotpki Test SCEP CA");
    server = ScepServer.builder(issuing).challenge("otp".toCharArray()).start();
    manual = ScepServer.builder(issuing).challenge("otp".toCharArray()).manualApproval().start();
  }

  @AfterAll
  static void stop() {
    server.close();
    manual.close();
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String out(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void cacapsAndCacert() throws Exception {
    CliRun caps = run("scep", "cacaps", "--url", server.uri().toString(), "--json");
    assertThat(caps.exitCode()).as(caps.err()).isZero();
    assertThat(caps.json().get("renewal").asBoolean()).isTrue();

    CliRun cacert = run("scep", "cacert", "--url", server.uri().toString(), "--out",
        out("scep-ca.pem"), "--json");
    assertThat(cacert.exitCode()).as(cacert.err()).isZero();
    assertThat(cacert.json().get("ca").asText()).isEqualTo("CN=iotpki Test SCEP CA");
    assertThat(cacert.json().get("encryption").asText()).isEqualTo("CN=iotpki Test SCEP RA");
  }

  @Test
  void enrollThenRenew() throws Exception {
    CliRun enrolled = run("scep", "enroll", "--url", server.uri().toString(), "--challenge", "otp",
        "--subject", "CN=cli-scep", "--out", out("device"), "--json");

    assertThat(enrolled.exitCode()).as(enrolled.err()).isZero();
    Path key = dir.resolve("device/key.pem");
    assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Signer.forCertificate(PkiReader.defaults().readCertificate(dir.resolve("device/cert.pem")),
        PkiReader.defaults().readPrivateKey(key));

    CliRun renewed = run("scep", "renew", "--url", server.uri().toString(), "--cert",
        out("device/chain.pem"), "--key", out("device/key.pem"), "--out", out("renewed"), "--json");

    assertThat(renewed.exitCode()).as(renewed.err()).isZero();
    assertThat(renewed.json().get("subject").asText()).isEqualTo("CN=cli-scep");
  }

  @Test
  void crlOfTheCaListsARevokedCertificate() throws Exception {
    assertThat(run("scep", "enroll", "--url", server.uri().toString(), "--challenge", "otp",
        "--subject", "CN=cli-crl", "--out", out("crl-device")).exitCode()).isZero();
    server.revoke(PkiReader.defaults().readCertificate(dir.resolve("crl-device/cert.pem"))
        .getSerialNumber());

    CliRun crl = run("scep", "crl", "--url", server.uri().toString(), "--cert",
        out("crl-device/chain.pem"), "--key", out("crl-device/key.pem"), "--out",
        out("ca.crl.pem"), "--json");

    assertThat(crl.exitCode()).as(crl.err()).isZero();
    assertThat(crl.json().get("certificateRevoked").asBoolean()).isTrue();
    assertThat(PkiReader.defaults().readCrl(dir.resolve("ca.crl.pem")).getIssuerX500Principal())
        .isEqualTo(issuing.certificate().getSubjectX500Principal());
  }

  @Test
  void aWrongChallengeExitsOneWithTheFailInfo() throws Exception {
    CliRun run = run("scep", "enroll", "--url", server.uri().toString(), "--challenge", "guess",
        "--subject", "CN=cli-wrong", "--out", out("wrong"), "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("reason").asText()).isEqualTo("badRequest");
  }

  @Test
  void pendingExitsThreeThenPollIssuesAfterApproval() throws Exception {
    CliRun first = run("scep", "enroll", "--url", manual.uri().toString(), "--challenge", "otp",
        "--subject", "CN=cli-manual", "--out", out("manual"), "--json");
    assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
    String state = first.json().get("state").asText();
    assertThat(first.json().get("resume").asText()).startsWith("iotpki scep poll --state " + state);

    CliRun still = run("scep", "poll", "--state", state, "--out", out("manual"), "--json");
    assertThat(still.exitCode()).as(still.err()).isEqualTo(3);

    manual.approveAll();
    CliRun issued = run("scep", "poll", "--state", state, "--out", out("manual"), "--json");
    assertThat(issued.exitCode()).as(issued.err()).isZero();
    assertThat(issued.json().get("subject").asText()).isEqualTo("CN=cli-manual");
    assertThat(Path.of(state)).doesNotExist();
  }

  @Test
  void nothingListeningExitsTwoWithTheFailure() throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    CliRun run = run("scep", "cacaps", "--url", "http://127.0.0.1:" + closed + "/scep", "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.json().get("failure").asText()).isEqualTo("CONNECT");
  }
}
