// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.testing.Program;
import org.iotpki.testkit.ScepServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * strongSwan's {@code pki --scepca} and {@code pki --scep}, a SCEP client we did not write, against
 * the testkit SCEP server: CA and RA certificates, enrollment with the challenge, a wrong
 * challenge refused, and renewal signed with the old certificate.
 */
class StrongSwanScepClientInteropTest {
  private static final String CHALLENGE = "swan-otp";
  private static TestCa issuing;
  private static ScepServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    issuing = TestCa.create().intermediate("CN=iotpki Test SCEP CA");
    server = ScepServer.builder(issuing).challenge(CHALLENGE.toCharArray()).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void requirePki() throws Exception {
    Program.require(Program.installed("pki"), "strongSwan's pki is not installed (apt-get install"
        + " strongswan-pki libstrongswan-extra-plugins); the SCEP interop test with it did not run");
    Files.writeString(dir.resolve("ra.pem"), PemEncoder.certificate(server.raCertificate()));
    Files.writeString(dir.resolve("ca.pem"), PemEncoder.certificate(issuing.certificate()));
  }

  private Program.Result pki(String... args) {
    List<String> command = new ArrayList<>();
    command.add("pki");
    command.addAll(List.of(args));
    command.addAll(List.of("--debug", "2"));
    return Program.run(dir, command);
  }

  private byte[] ok(Program.Result result) {
    assertThat(result.exitCode()).as(result.stderr() + result.stdoutText()).isZero();
    return result.stdout();
  }

  private static X509Certificate certificate(byte[] der) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
  }

  private void rsaKey(String name) throws Exception {
    Files.write(dir.resolve(name), ok(pki("--gen", "--type", "rsa", "--size", "2048")));
  }

  @Test
  void fetchesTheCaAndRaCertificates() throws Exception {
    ok(pki("--scepca", "--url", server.uri().toString(), "--caout", "cacert.der"));

    assertThat(Files.readAllBytes(dir.resolve("cacert.der"))).isEqualTo(issuing.root().getEncoded());
    assertThat(Files.readAllBytes(dir.resolve("cacert-1.der")))
        .isEqualTo(issuing.certificate().getEncoded());
    assertThat(Files.readAllBytes(dir.resolve("cacert-ra.der")))
        .isEqualTo(server.raCertificate().getEncoded());
  }

  // --cipher des3: strongSwan 5.9.8 tests its capability bits by enum index, so it never sees AES.
  @Test
  void enrollsWithTheChallengeThenRenews() throws Exception {
    rsaKey("first.key");
    X509Certificate first = certificate(ok(pki("--scep", "--url", server.uri().toString(),
        "--in", "first.key", "--dn", "CN=strongswan-scep", "-p", CHALLENGE,
        "--cacert-enc", "ra.pem", "--cacert-sig", "ra.pem", "--cacert", "ca.pem", "--cipher", "des3")));
    Files.write(dir.resolve("first.der"), first.getEncoded());

    assertThat(first.getSubjectX500Principal().getName()).isEqualTo("CN=strongswan-scep");
    assertThat(first.getIssuerX500Principal()).isEqualTo(issuing.certificate().getSubjectX500Principal());

    rsaKey("second.key");
    X509Certificate second = certificate(ok(pki("--scep", "--url", server.uri().toString(),
        "--in", "second.key", "--dn", "CN=strongswan-scep", "--cacert-enc", "ra.pem",
        "--cacert-sig", "ra.pem", "--cacert", "ca.pem", "--cert", "first.der",
        "--key", "first.key", "--cipher", "des3")));

    assertThat(second.getPublicKey()).isNotEqualTo(first.getPublicKey());
    assertThat(server.operations()).contains("19:0", "17:0");
  }

  @Test
  void aWrongChallengeFails() throws Exception {
    rsaKey("device.key");

    Program.Result result = pki("--scep", "--url", server.uri().toString(), "--in", "device.key",
        "--dn", "CN=strongswan-wrong", "-p", "guess", "--cacert-enc", "ra.pem",
        "--cacert-sig", "ra.pem", "--cacert", "ca.pem", "--cipher", "des3");

    assertThat(result.exitCode()).isNotZero();
    assertThat(server.operations()).contains("19:2");
  }
}
