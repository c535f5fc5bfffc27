// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRejectedException;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.EnrollmentTransportException.Failure;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.enroll.RetryPolicy;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.testing.OpenSsl;
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.testkit.ScepServer;
import org.iotpki.testkit.ScepServer.Fault;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our SCEP client against the testkit SCEP server: every message type and the strict checks. */
class ScepClientTest {
  private static final char[] CHALLENGE = "factory-otp".toCharArray();
  private static TestCa root;
  private static TestCa issuing;
  private static ScepServer server;

  @BeforeAll
  static void start() {
    root = TestCa.create();
    issuing = root.intermediate("CN=iotpki Test SCEP CA");
    server = ScepServer.builder(issuing).challenge(CHALLENGE).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ScepClient client() {
    return ScepClient.builder(server.uri()).pollInterval(Duration.ofMillis(200)).build();
  }

  private static EnrollmentRequest.Builder request(String subject) {
    return EnrollmentRequest.builder().subject(subject).generateKey(KeyAlgorithm.RSA_2048)
        .challengePassword(CHALLENGE);
  }

  private static EnrollmentOutcome.Issued issued(EnrollmentOutcome outcome) {
    assertThat(outcome).isInstanceOf(EnrollmentOutcome.Issued.class);
    return (EnrollmentOutcome.Issued) outcome;
  }

  @Test
  void readsCapabilitiesAndTheCaAndRaCertificates() throws Exception {
    ScepClient scep = client();

    assertThat(scep.capabilities().post()).isTrue();
    assertThat(scep.capabilities().renewal()).isTrue();
    ScepCaCertificates cas = scep.scepCaCertificates();
    assertThat(cas.ca()).isEqualTo(issuing.certificate());
    assertThat(cas.encryption()).isEqualTo(server.raCertificate());
    assertThat(cas.signing()).isEqualTo(server.raCertificate());
  }

  @Test
  void enrollsAGeneratedKeyWithTheChallenge() throws Exception {
    EnrollmentOutcome.Issued issued = issued(client().enroll(request("CN=sensor-0001").build()));

    assertThat(issued.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=sensor-0001");
    Signer.forCertificate(issued.certificate(), issued.generatedKey().orElseThrow());
    assertThat(ChainValidator.builder().trustAnchor(root.certificate()).build()
        .validate(issued.chain()).isValid()).isTrue();
  }

  @Test
  void enrollsAnExistingKeyPair() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.RSA_2048);

    EnrollmentOutcome.Issued issued =
        issued(client().enroll(request("CN=sensor-0002").key(key).build()));

    assertThat(issued.certificate().getPublicKey()).isEqualTo(key.getPublic());
    assertThat(issued.generatedKey()).isEmpty();
  }

  @Test
  void aWrongChallengeIsRejectedWithBadRequest() throws Exception {
    EnrollmentOutcome outcome = client().enroll(
        request("CN=sensor-0003").challengePassword("guess".toCharArray()).build());

    assertThat(outcome).isInstanceOfSatisfying(EnrollmentOutcome.Rejected.class,
        rejected -> assertThat(rejected.code()).isEqualTo("badRequest"));
  }

  @Test
  void aSignerWithoutItsKeyCannotDecryptTheAnswer() {
    EnrollmentRequest onlySigner = request("CN=x")
        .key(new EnrollmentKey.Existing(Signer.of(KeyPairs.generate(KeyAlgorithm.RSA_2048))))
        .build();

    assertThatThrownBy(() -> client().enroll(onlySigner))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key pair");
  }

  @Test
  void renewsWithTheCurrentCertificate() throws Exception {
    EnrollmentOutcome.Issued first = issued(client().enroll(request("CN=sensor-0004").build()));
    Credential current = first.credential().orElseThrow();

    EnrollmentOutcome.Issued renewed = issued(client().renew(current, EnrollmentRequest.builder()
        .subject("CN=sensor-0004").generateKey(KeyAlgorithm.RSA_2048).build()));

    assertThat(renewed.certificate().getPublicKey()).isNotEqualTo(first.certificate().getPublicKey());
    assertThat(server.operations()).contains("17:0");
  }

  @Test
  void getCertFindsAnIssuedCertificateBySerial() throws Exception {
    EnrollmentOutcome.Issued issued = issued(client().enroll(request("CN=sensor-0009").build()));
    Credential device = issued.credential().orElseThrow();

    EnrollmentOutcome.Issued found =
        issued(client().certificate(device, issued.certificate().getSerialNumber()));
    EnrollmentOutcome unknown = client().certificate(device, java.math.BigInteger.valueOf(42));

    assertThat(found.certificate()).isEqualTo(issued.certificate());
    assertThat(found.generatedKey()).isEmpty();
    assertThat(unknown).isInstanceOfSatisfying(EnrollmentOutcome.Rejected.class,
        rejected -> assertThat(rejected.code()).isEqualTo("badCertID"));
  }

  @Test
  void getCrlAnswersTheCasCrlWithTheRevokedSerial(@TempDir Path dir) throws Exception {
    Credential device = issued(client().enroll(request("CN=sensor-0010").build()))
        .credential().orElseThrow();
    EnrollmentOutcome.Issued superseded = issued(client().enroll(request("CN=sensor-0011")
        .build()));
    server.revoke(superseded.certificate().getSerialNumber());

    X509CRL crl = client().crl(device, device.certificate());

    assertThat(crl.getRevokedCertificate(superseded.certificate())).isNotNull();
    assertThat(crl.getRevokedCertificate(device.certificate())).isNull();
    // OpenSSL, not our reader, checks the CRL's signature with the CA's key.
    Files.writeString(dir.resolve("crl.pem"), PemEncoder.crl(crl));
    Files.writeString(dir.resolve("ca.pem"), PemEncoder.certificate(issuing.certificate()));
    OpenSsl.Result verify = OpenSsl.run(dir, "crl", "-in", "crl.pem", "-CAfile", "ca.pem",
        "-noout");
    assertThat(verify.exitCode()).as(verify.output()).isZero();
    assertThat(verify.output()).contains("verify OK");
  }

  @Test
  void getCrlForACertificateTheCaDidNotIssueIsRejected() throws Exception {
    Credential device = issued(client().enroll(request("CN=sensor-0012").build()))
        .credential().orElseThrow();
    Credential foreign = TestCa.create().issue("CN=elsewhere");

    assertThatThrownBy(() -> client().crl(device, foreign.certificate()))
        .isInstanceOfSatisfying(EnrollmentRejectedException.class,
            e -> assertThat(e.rejection().code()).isEqualTo("badCertID"));
  }

  @Test
  void pendingIsPolledAfterApprovalFromThePersistedState() throws Exception {
    try (ScepServer manual = ScepServer.builder(issuing).challenge(CHALLENGE).manualApproval()
        .start()) {
      ScepClient scep = ScepClient.builder(manual.uri()).pollInterval(Duration.ofMillis(100))
          .build();

      EnrollmentOutcome first = scep.enroll(request("CN=sensor-0005").build());
      assertThat(first).isInstanceOf(EnrollmentOutcome.Pending.class);
      PendingEnrollment persisted = PendingEnrollment.decode(
          ((EnrollmentOutcome.Pending) first).enrollment().encode());
      assertThat(scep.poll(persisted)).isInstanceOf(EnrollmentOutcome.Pending.class);

      manual.approveAll();
      // After a reboot: a new client, the same transaction.
      ScepClient rebooted = ScepClient.builder(manual.uri()).build();
      EnrollmentOutcome.Issued issued = issued(RetryPolicy.defaults().resume(rebooted, persisted));

      assertThat(issued.certificate().getSubjectX500Principal().getName())
          .isEqualTo("CN=sensor-0005");
      Signer.forCertificate(issued.certificate(), issued.generatedKey().orElseThrow());
      assertThat(manual.operations()).containsExactly("19:3", "20:3", "20:0");
    }
  }

  @Test
  void answersThatDoNotMatchTheRequestAreMalformed() {
    for (Fault fault : List.of(Fault.WRONG_SIGNER, Fault.WRONG_NONCE, Fault.WRONG_TRANSACTION,
        Fault.GARBAGE)) {
      server.enqueue(fault);
      assertThatThrownBy(() -> client().enroll(request("CN=sensor-0006").build()))
          .as(fault.name())
          .isInstanceOfSatisfying(EnrollmentTransportException.class,
              e -> assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE));
    }
  }

  @Test
  void aServerErrorIsRejectedAndADroppedConnectionTruncated() throws Exception {
    server.enqueue(Fault.SERVER_ERROR);
    assertThat(client().enroll(request("CN=sensor-0007").build()))
        .isInstanceOfSatisfying(EnrollmentOutcome.Rejected.class,
            rejected -> assertThat(rejected.code()).isEqualTo("HTTP 500"));

    server.enqueue(Fault.DROP);
    assertThatThrownBy(() -> client().enroll(request("CN=sensor-0008").build()))
        .isInstanceOfSatisfying(EnrollmentTransportException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.TRUNCATED));
  }

  @Test
  void refusesServerKeyGenerationAndNonHttpUris() {
    assertThatThrownBy(() -> client().enroll(request("CN=x")
        .key(new EnrollmentKey.ServerGenerated(KeyAlgorithm.RSA_2048)).build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScepClient.builder(java.net.URI.create("ftp://h/scep")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
