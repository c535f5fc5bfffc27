// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.testing.Program;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * strongSwan's {@code pki --estca} and {@code pki --est} (its own TLS stack and HTTP code) against
 * the testkit EST server: CA certificates, enrollment with HTTP Basic, re-enrollment with the old
 * certificate and key over mutual TLS. Keys and requests are made by strongSwan too.
 */
class StrongSwanEstInteropTest {
  private static TestCa issuing;
  private static EstServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    issuing = TestCa.create().intermediate("CN=iotpki Test EST CA");
    server = EstServer.builder(issuing).credentials("swan", "swan-secret".toCharArray()).start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void requirePki() throws Exception {
    StrongSwanPki.require();
    Files.writeString(dir.resolve("ca.pem"), PemEncoder.certificate(server.trustAnchor()));
  }

  private String url() {
    // pki appends /.well-known/est/<operation> itself.
    return "https://127.0.0.1:" + server.port();
  }

  private Program.Result pki(String... args) throws Exception {
    Program.Result result = StrongSwanPki.run(dir, args);
    assertThat(result.exitCode()).as("pki %s:%n%s", String.join(" ", args), result.stderr())
        .isZero();
    return result;
  }

  private void newKeyAndRequest(String name, String subject) throws Exception {
    Files.write(dir.resolve(name + ".key"),
        pki("--gen", "--type", "ecdsa", "--size", "256").stdout());
    Files.write(dir.resolve(name + ".req"),
        pki("--req", "--in", name + ".key", "--type", "ecdsa", "--dn", subject).stdout());
  }

  private static X509Certificate certificate(byte[] der) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
  }

  @Test
  void fetchesTheCaCertificates() throws Exception {
    Files.createDirectories(dir.resolve("out"));

    pki("--estca", "--url", url(), "--cacert", "ca.pem", "--caout", "out/ca", "--outform", "pem");

    assertThat(Files.readString(dir.resolve("out/ca.pem")))
        .isEqualTo(PemEncoder.certificate(server.trustAnchor()));
    assertThat(Files.readString(dir.resolve("out/ca-1.pem")))
        .isEqualTo(PemEncoder.certificate(issuing.certificate()));
  }

  @Test
  void enrollsThenReenrollsOverMutualTls() throws Exception {
    newKeyAndRequest("first", "CN=strongswan-device");

    X509Certificate first = certificate(pki("--est", "--url", url(), "--cacert", "ca.pem",
        "--in", "first.req", "--userpass", "swan:swan-secret").stdout());
    Files.write(dir.resolve("first.der"), first.getEncoded());

    assertThat(first.getSubjectX500Principal().getName()).isEqualTo("CN=strongswan-device");
    assertThat(first.getIssuerX500Principal()).isEqualTo(issuing.certificate().getSubjectX500Principal());

    newKeyAndRequest("second", "CN=strongswan-device");
    X509Certificate second = certificate(pki("--est", "--url", url(), "--cacert", "ca.pem",
        "--in", "second.req", "--cert", "first.der", "--key", "first.key").stdout());

    assertThat(second.getSubjectX500Principal()).isEqualTo(first.getSubjectX500Principal());
    assertThat(second.getPublicKey()).isNotEqualTo(first.getPublicKey());
    assertThat(server.requests()).anySatisfy(r -> {
      assertThat(r.operation()).isEqualTo("simplereenroll");
      assertThat(r.status()).isEqualTo(200);
    });
  }

  @Test
  void aWrongPasswordFails() throws Exception {
    newKeyAndRequest("device", "CN=strongswan-wrong");

    Program.Result result = StrongSwanPki.run(dir, "--est", "--url", url(), "--cacert",
        "ca.pem", "--in", "device.req", "--userpass", "swan:wrong");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("401");
  }
}
