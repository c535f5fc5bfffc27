// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.testing.Program;
import org.iotpki.core.validation.ChainValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client against micromdm's SCEP server (Debian package {@code scep}), which we did not write:
 * a single RSA CA certificate, replies signed with SHA-1 and encrypted with single DES, a wrong
 * challenge answered with failInfo badRequest, and renewal (RenewalReq) accepted.
 */
class MicromdmScepServerInteropTest {
  private static final String CHALLENGE = "micromdm-secret";
  @TempDir static Path dir;
  private static Process server;
  private static URI uri;

  @BeforeAll
  static void start() throws Exception {
    Program.require(Program.installed("scepserver"), "micromdm's scepserver is not installed"
        + " (apt-get install scep); the SCEP interop test with it did not run");
    Path depot = Files.createDirectories(dir.resolve("depot"));
    Program.Result init = Program.run(dir, List.of("scepserver", "ca", "-init", "-depot",
        depot.toString(), "-keySize", "2048", "-years", "1", "-organization", "iotpki interop",
        "-country", "US"));
    assertThat(init.exitCode()).as(init.stderr()).isZero();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // -allowrenew 0: the same subject may enroll again (renewal, reruns).
    server = Program.start(dir, dir.resolve("scepserver.log"), "scepserver", "-depot",
        depot.toString(), "-port", Integer.toString(port), "-challenge", CHALLENGE,
        "-allowrenew", "0");
    uri = URI.create("http://127.0.0.1:" + port + "/scep");
    awaitReady();
  }

  /** The log line comes before the port is bound: ask until it answers. */
  private static void awaitReady() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(server.isAlive()).as(Files.readString(dir.resolve("scepserver.log"))).isTrue();
      try {
        HttpResponse<Void> response = http.send(
            HttpRequest.newBuilder(URI.create(uri + "?operation=GetCACaps")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("scepserver did not start: "
        + Files.readString(dir.resolve("scepserver.log")));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.destroy();
    }
  }

  private static EnrollmentRequest.Builder request(String subject) {
    return EnrollmentRequest.builder().subject(subject).generateKey(KeyAlgorithm.RSA_2048)
        .challengePassword(CHALLENGE.toCharArray());
  }

  private static EnrollmentOutcome.Issued issued(EnrollmentOutcome outcome) {
    assertThat(outcome).isInstanceOf(EnrollmentOutcome.Issued.class);
    return (EnrollmentOutcome.Issued) outcome;
  }

  @Test
  void readsItsCapabilitiesAndItsCaCertificate() throws Exception {
    ScepClient scep = ScepClient.builder(uri).build();

    assertThat(scep.capabilities().keywords())
        .contains("Renewal", "SHA-256", "AES", "POSTPKIOperation", "SCEPStandard");
    ScepCaCertificates cas = scep.scepCaCertificates();
    assertThat(cas.encryption()).isEqualTo(cas.ca());
    assertThat(cas.ca().getSubjectX500Principal().getName()).contains("O=iotpki interop");
  }

  @Test
  void enrollsWithTheChallenge() throws Exception {
    ScepClient scep = ScepClient.builder(uri).build();

    EnrollmentOutcome.Issued issued = issued(scep.enroll(request("CN=micromdm-device-1").build()));

    assertThat(issued.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=micromdm-device-1");
    Signer.forCertificate(issued.certificate(), issued.generatedKey().orElseThrow());
    assertThat(ChainValidator.builder().trustAnchor(scep.scepCaCertificates().ca()).build()
        .validate(List.of(issued.certificate())).isValid()).isTrue();
  }

  @Test
  void aWrongChallengeIsBadRequest() throws Exception {
    EnrollmentOutcome outcome = ScepClient.builder(uri).build().enroll(
        request("CN=micromdm-device-2").challengePassword("guess".toCharArray()).build());

    assertThat(outcome).isInstanceOfSatisfying(EnrollmentOutcome.Rejected.class,
        rejected -> assertThat(rejected.code()).isEqualTo("badRequest"));
  }

  @Test
  void renewsWithTheCurrentCertificate() throws Exception {
    ScepClient scep = ScepClient.builder(uri).build();
    EnrollmentOutcome.Issued first = issued(scep.enroll(request("CN=micromdm-device-3").build()));

    // micromdm still asks renewals for the challenge.
    EnrollmentOutcome.Issued renewed = issued(scep.renew(first.credential().orElseThrow(),
        request("CN=micromdm-device-3").build()));

    assertThat(renewed.certificate().getPublicKey()).isNotEqualTo(first.certificate().getPublicKey());
    assertThat(renewed.certificate().getSerialNumber())
        .isNotEqualTo(first.certificate().getSerialNumber());
  }
}
