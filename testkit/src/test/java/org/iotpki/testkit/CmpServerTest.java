// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.OpenSsl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CmpServer} against a client we did not write: OpenSSL's {@code openssl cmp} (3.0 or
 * later). Each certificate it gets is checked with {@code openssl verify} against the CA's root.
 */
class CmpServerTest {
  private static final String REFERENCE = "device-factory";
  private static final String SECRET = "factory-secret";

  private static TestCa root;
  private static TestCa issuing;

  @TempDir Path dir;
  private CmpServer server;

  @BeforeAll
  static void ca() {
    root = TestCa.create();
    issuing = root.intermediate("CN=Test CMP CA");
  }

  @BeforeEach
  void files() throws IOException {
    OpenSsl.require();
    Files.writeString(dir.resolve("root.pem"), PemEncoder.certificate(root.root()));
    Files.writeString(dir.resolve("issuing.pem"), PemEncoder.certificate(issuing.certificate()));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private CmpServer start(CmpServer.Builder builder) {
    server = builder.start();
    return server;
  }

  private CmpServer.Builder withSecret() {
    return CmpServer.builder(issuing).sharedSecret(REFERENCE, SECRET.toCharArray());
  }

  @Test
  void irWithPasswordBasedMacIssuesAVerifiableCertificateAndTheRootInCaPubs() throws Exception {
    start(withSecret());
    newKey("device.key");

    OpenSsl.Result result = cmp("-cmd", "ir", "-ref", REFERENCE, "-secret", "pass:" + SECRET,
        "-newkey", "device.key", "-subject", "/CN=device-0001/O=iotpki",
        "-certout", "device.pem", "-cacertsout", "capubs.pem");

    assertThat(result.exitCode()).as(result.output()).isZero();
    X509Certificate certificate = certificate("device.pem");
    assertThat(certificate.getSubjectX500Principal().getName())
        .isEqualTo("O=iotpki,CN=device-0001");
    assertThat(certificate(("capubs.pem"))).isEqualTo(root.root());
    assertVerifies("device.pem");
    assertThat(server.issuedCertificates()).containsExactly(certificate);
    assertThat(server.operations()).containsExactly("ir:accepted", "certConf:accepted");
  }

  @Test
  void implicitConfirmIsGrantedWhenAsked() throws Exception {
    start(withSecret());
    newKey("device.key");

    OpenSsl.Result result = cmp("-cmd", "ir", "-ref", REFERENCE, "-secret", "pass:" + SECRET,
        "-newkey", "device.key", "-subject", "/CN=device-0002", "-implicit_confirm",
        "-certout", "device.pem");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(server.operations()).containsExactly("ir:accepted");
  }

  @Test
  void crAndKurAreSignedWithTheCurrentCertificate() throws Exception {
    start(CmpServer.builder(issuing));
    writeCredential("current", issuing.issue("CN=device-0003"));
    newKey("next.key");
    newKey("renewed.key");

    OpenSsl.Result cr = cmp("-cmd", "cr", "-cert", "current.pem", "-key", "current.key",
        "-trusted", "root.pem", "-newkey", "next.key", "-subject", "/CN=device-0003",
        "-certout", "next.pem");
    assertThat(cr.exitCode()).as(cr.output()).isZero();
    assertVerifies("next.pem");

    OpenSsl.Result kur = cmp("-cmd", "kur", "-cert", "next.pem", "-key", "next.key",
        "-trusted", "root.pem", "-newkey", "renewed.key", "-certout", "renewed.pem");
    assertThat(kur.exitCode()).as(kur.output()).isZero();
    assertVerifies("renewed.pem");
    assertThat(certificate("renewed.pem").getSubjectX500Principal())
        .isEqualTo(certificate("next.pem").getSubjectX500Principal());
    assertThat(server.operations()).containsExactly(
        "cr:accepted", "certConf:accepted", "kur:accepted", "certConf:accepted");
  }

  @Test
  void p10crIssuesForTheRequestsKey() throws Exception {
    start(withSecret());
    newKey("device.key");
    assertThat(OpenSsl.run(dir, "req", "-new", "-key", "device.key", "-subj", "/CN=device-0004",
        "-out", "device.csr").exitCode()).isZero();

    OpenSsl.Result result = cmp("-cmd", "p10cr", "-ref", REFERENCE, "-secret", "pass:" + SECRET,
        "-csr", "device.csr", "-certout", "device.pem");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertVerifies("device.pem");
    assertThat(OpenSsl.run(dir, "x509", "-in", "device.pem", "-noout", "-pubkey").stdout())
        .isEqualTo(OpenSsl.run(dir, "pkey", "-in", "device.key", "-pubout").stdout());
  }

  @Test
  void aWaitingRequestIsPolledUntilIssued() throws Exception {
    start(withSecret().pollCount(2).checkAfter(Duration.ZERO));
    newKey("device.key");

    OpenSsl.Result result = cmp("-cmd", "ir", "-ref", REFERENCE, "-secret", "pass:" + SECRET,
        "-newkey", "device.key", "-subject", "/CN=device-0005", "-certout", "device.pem");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertVerifies("device.pem");
    assertThat(server.operations()).containsExactly("ir:waiting", "pollReq:waiting",
        "pollReq:waiting", "pollReq:accepted", "certConf:accepted");
  }

  @Test
  void rrRevokesTheSignersOwnCertificateOnce() throws Exception {
    start(withSecret());
    newKey("device.key");
    assertThat(cmp("-cmd", "ir", "-ref", REFERENCE, "-secret", "pass:" + SECRET, "-newkey",
        "device.key", "-subject", "/CN=device-0006", "-certout", "device.pem").exitCode())
        .isZero();
    Files.writeString(dir.resolve("device-chain.pem"), Files.readString(dir.resolve(
        "device.pem")) + Files.readString(dir.resolve("issuing.pem")));

    OpenSsl.Result revoked = cmp("-cmd", "rr", "-cert", "device-chain.pem", "-key",
        "device.key", "-oldcert", "device.pem", "-trusted", "root.pem", "-revreason", "4");
    OpenSsl.Result again = cmp("-cmd", "rr", "-cert", "device-chain.pem", "-key",
        "device.key", "-oldcert", "device.pem", "-trusted", "root.pem", "-revreason", "4");

    assertThat(revoked.exitCode()).as(revoked.output()).isZero();
    assertThat(again.exitCode()).as(again.output()).isNotZero();
    assertThat(server.revokedSerials())
        .containsExactly(certificate("device.pem").getSerialNumber());
    assertThat(server.operations()).endsWith("rr:accepted", "rr:certRevoked");
  }

  @Test
  void genmIsAnsweredWithAGenp() throws Exception {
    start(withSecret());

    OpenSsl.Result result = cmp("-cmd", "genm", "-ref", REFERENCE,
        "-secret", "pass:" + SECRET);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(server.operations()).containsExactly("genm:accepted");
  }

  @Test
  void aWrongSecretIsRefusedAtOnceWithBadMessageCheck() throws Exception {
    start(withSecret());
    newKey("device.key");

    long started = System.nanoTime();
    OpenSsl.Result result = cmp("-cmd", "ir", "-ref", REFERENCE, "-secret", "pass:not-it",
        "-newkey", "device.key", "-subject", "/CN=device-0007", "-certout", "device.pem",
        "-unprotected_errors");

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(result.output()).containsIgnoringCase("badMessageCheck");
    assertThat(server.operations()).containsExactly("ir:badMessageCheck");
    assertThat(server.issuedCertificates()).isEmpty();
  }

  @Test
  void aCrSignedByAForeignCertificateIsRefused() throws Exception {
    start(CmpServer.builder(issuing));
    writeCredential("foreign", TestCa.create().issue("CN=intruder"));
    newKey("next.key");

    OpenSsl.Result result = cmp("-cmd", "cr", "-cert", "foreign.pem", "-key", "foreign.key",
        "-trusted", "root.pem", "-newkey", "next.key", "-subject", "/CN=intruder",
        "-certout", "next.pem", "-unprotected_errors");

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(server.operations()).containsExactly("cr:badMessageCheck");
    assertThat(server.issuedCertificates()).isEmpty();
  }

  private OpenSsl.Result cmp(String... options) {
    List<String> args = new ArrayList<>(List.of("cmp", "-server",
        "127.0.0.1:" + server.port(), "-path", "cmp", "-msg_timeout", "20",
        "-total_timeout", "40"));
    if (!List.of(options).contains("-trusted")) {
      args.addAll(List.of("-recipient", "/CN=iotpki Test CMP Server"));
    }
    args.addAll(List.of(options));
    return OpenSsl.run(dir, args.toArray(String[]::new));
  }

  private void newKey(String name) {
    assertThat(OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt",
        "ec_paramgen_curve:P-256", "-out", name).exitCode()).isZero();
  }

  private void writeCredential(String name, Credential credential) throws IOException {
    Files.writeString(dir.resolve(name + ".pem"), PemEncoder.certificates(credential.chain()));
    Files.writeString(dir.resolve(name + ".key"), PemEncoder.privateKey(credential.privateKey()));
  }

  private X509Certificate certificate(String name) throws Exception {
    return PkiReader.defaults().readCertificates(dir.resolve(name)).get(0);
  }

  private void assertVerifies(String name) {
    OpenSsl.Result verify = OpenSsl.run(dir, "verify", "-x509_strict", "-CAfile", "root.pem",
        "-untrusted", "issuing.pem", name);
    assertThat(verify.exitCode()).as(verify.output()).isZero();
  }
}
