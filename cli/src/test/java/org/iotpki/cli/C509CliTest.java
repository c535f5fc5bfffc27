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
import java.time.Duration;
import java.time.Instant;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotpki c509 encode|decode|show}: exit codes and JSON per the CLI contract. */
class C509CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private record Run(int exitCode, JsonNode json, String err) {}

  private static Run run(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, JSON.readTree(out.toString()), err.toString());
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void encodeThenDecodeGivesBackTheSameDer() throws Exception {
    TestCa root = TestCa.create();
    Credential device = root.intermediate("CN=Issuing").issue("CN=sensor-0042");
    Files.writeString(dir.resolve("device.pem"), PemEncoder.certificate(device.certificate()));
    Files.writeString(dir.resolve("chain.pem"), PemEncoder.certificates(device.chain()));

    Run encode = run("c509", "encode", "--in", path("device.pem"), "--out", path("device.c509"), "--json");
    Run decode = run("c509", "decode", "--in", path("device.c509"), "--out", path("device.der"), "--json");
    Run show = run("c509", "show", path("device.c509"), "--json");
    Run report = run("c509", "show", path("chain.pem"), "--json");

    assertThat(encode.exitCode()).isZero();
    assertThat(encode.json().get("c509Length").asInt()).isEqualTo((int) Files.size(dir.resolve("device.c509")));
    assertThat(encode.json().get("c509Length").asInt()).isLessThan(encode.json().get("derLength").asInt());
    assertThat(decode.exitCode()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("device.der"))).isEqualTo(device.certificate().getEncoded());
    assertThat(show.json().get("type").asText()).isEqualTo("REENCODED");
    assertThat(show.json().get("subject").asText()).isEqualTo("CN=sensor-0042");
    assertThat(report.json().get("certificates")).hasSize(2);
    assertThat(report.json().get("totalC509Length").asInt()).isLessThan(report.json().get("totalDerLength").asInt());
  }

  @Test
  void aNativeCertificateHasNoDerAndDecodeSaysSo() throws Exception {
    var key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    byte[] c509 = org.iotpki.core.cert.CertificateBuilder.create()
        .subject("CN=native")
        .publicKey(key.getPublic())
        .validity(Instant.now(), Instant.now().plus(Duration.ofDays(1)))
        .basicConstraints(org.iotpki.core.cert.BasicConstraints.caUnlimited())
        .signC509(org.iotpki.core.crypto.Signer.of(key))
        .encoded();
    Files.write(dir.resolve("native.c509"), c509);

    Run decode = run("c509", "decode", "--in", path("native.c509"), "--out", path("x.der"), "--json");
    Run show = run("c509", "show", path("native.c509"), "--json");

    assertThat(decode.exitCode()).isEqualTo(1);
    assertThat(decode.json().get("reason").asText()).isEqualTo("NATIVE_HAS_NO_X509");
    assertThat(show.exitCode()).isZero();
    assertThat(show.json().get("type").asText()).isEqualTo("NATIVE");
    assertThat(show.json().has("derLength")).isFalse();
  }

  @Test
  void malformedC509ExitsTwoWithoutAStackTrace() throws Exception {
    Files.write(dir.resolve("bad.c509"), new byte[] {(byte) 0x8b, 0x03, 0x41});

    Run decode = run("c509", "decode", "--in", path("bad.c509"), "--out", path("x.der"), "--json");
    Run show = run("c509", "show", path("bad.c509"), "--json");

    for (Run r : new Run[] {decode, show}) {
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.json().get("error").asText()).contains("C509");
      assertThat(r.err()).doesNotContain("\tat ");
    }
  }
}
