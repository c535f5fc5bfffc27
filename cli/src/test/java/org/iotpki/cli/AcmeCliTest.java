// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.Pebble;
import org.iotpki.testkit.PebbleServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotpki acme ...} against Pebble started here: enroll with http-01 answered by the
 * command, renewal-info, revoke, a wrong external account binding; exit codes and JSON of the
 * contract.
 */
class AcmeCliTest {
  @TempDir Path dir;

  @BeforeEach
  void requirePebble() {
    Pebble.require();
  }

  private String trustFile(PebbleServer pebble) throws Exception {
    return Files.writeString(dir.resolve("pebble-root.pem"),
        PemEncoder.certificate(pebble.tlsTrust())).toString();
  }

  @Test
  void enrollWithHttp01ThenRenewalInfoThenRevoke() throws Exception {
    int httpPort = PebbleServer.freePort();
    try (PebbleServer pebble = PebbleServer.builder(dir.resolve("pebble")).httpPort(httpPort).start()) {
      String trust = trustFile(pebble);
      Path out = dir.resolve("out");

      CliRun enrolled = CliRun.of("acme", "enroll", "--directory", pebble.directory().toString(),
          "--domain", "127.0.0.1", "--http-port", "0x" + Integer.toHexString(httpPort),
          "--trust", trust, "--out", out.toString(), "--json");

      assertThat(enrolled.exitCode()).as(enrolled.err()).isZero();
      assertThat(enrolled.json().get("status").asText()).isEqualTo("issued");
      X509Certificate certificate = PkiReader.defaults().readCertificate(out.resolve("cert.pem"));
      assertThat(CertificateSummary.of(certificate).subjectAltNames())
          .contains(GeneralName.ip(java.net.InetAddress.getByName("127.0.0.1")));
      assertThat(out.resolve("key.pem")).exists();
      assertThat(out.resolve("chain.pem")).exists();
      assertThat(out.resolve("account-key.pem")).exists();

      CliRun info = CliRun.of("acme", "renewal-info", "--directory",
          pebble.directory().toString(), "--cert", out.resolve("cert.pem").toString(), "--trust",
          trust, "--json");
      assertThat(info.exitCode()).as(info.err()).isZero();
      // Pebble 2.4.0 offers no renewal information.
      assertThat(info.json().get("suggested").asBoolean()).isFalse();

      String[] revoke = {"acme", "revoke", "--directory", pebble.directory().toString(), "--cert",
          out.resolve("cert.pem").toString(), "--key", out.resolve("key.pem").toString(),
          "--reason", "4", "--trust", trust, "--json"};
      CliRun revoked = CliRun.of(revoke);
      assertThat(revoked.exitCode()).as(revoked.err()).isZero();
      assertThat(pebble.revoked(certificate.getSerialNumber())).isTrue();

      CliRun again = CliRun.of(revoke);
      assertThat(again.exitCode()).isEqualTo(1);
      assertThat(again.json().get("reason").asText())
          .isEqualTo("urn:ietf:params:acme:error:alreadyRevoked");
    }
  }

  @Test
  void aWrongExternalAccountBindingExitsOneWithTheProblemType() throws Exception {
    byte[] hmac = "an-hmac-key-of-32-bytes-for-eab!".getBytes(StandardCharsets.US_ASCII);
    try (PebbleServer pebble = PebbleServer.builder(dir.resolve("pebble")).alwaysValid()
        .externalAccountKey("kid-1", Base64.getUrlEncoder().withoutPadding().encodeToString(hmac)).start()) {
      hmac[0] ^= 1;
      CliRun wrong = CliRun.of("acme", "enroll", "--directory", pebble.directory().toString(),
          "--domain", "gw.iotpki.test", "--http-port", Integer.toString(PebbleServer.freePort()),
          "--eab-kid", "kid-1", "--eab-hmac", Base64.getUrlEncoder().withoutPadding().encodeToString(hmac),
          "--trust", trustFile(pebble), "--out", dir.resolve("out").toString(), "--json");

      assertThat(wrong.exitCode()).isEqualTo(1);
      assertThat(wrong.json().get("reason").asText())
          .isEqualTo("urn:ietf:params:acme:error:unauthorized");
    }
  }

  @Test
  void usageErrorsExitTwo() {
    String out = dir.resolve("x").toString();
    assertThat(CliRun.of("acme", "enroll", "--directory", "https://127.0.0.1:1/dir", "--domain",
        "gw.iotpki.test", "--eab-kid", "k", "--out", out).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("acme", "enroll", "--directory", "http://127.0.0.1:1/dir", "--domain",
        "gw.iotpki.test", "--out", out).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("acme", "enroll", "--directory", "https://127.0.0.1:1/dir", "--domain",
        "gw.iotpki.test", "--http-port", "0x10000", "--out", out).exitCode()).isEqualTo(2);
  }
}
