// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
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
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.EstServer.Fault;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our client against the testkit EST server: every operation, and every fault it can play. */
class EstClientTest {
  private static final char[] PASSWORD = "factory-secret".toCharArray();
  private static TestCa root;
  private static TestCa issuing;
  private static EstServer server;

  @BeforeAll
  static void start() {
    root = TestCa.create();
    issuing = root.intermediate("CN=iotpki Test EST CA");
    server = EstServer.builder(issuing).credentials("factory", PASSWORD).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static EstClient.Builder client() {
    return EstClient.builder(server.uri()).trustAnchors(List.of(server.trustAnchor()));
  }

  private static EnrollmentRequest.Builder request(String subject) {
    return EnrollmentRequest.builder()
        .subject(subject)
        .generateKey(KeyAlgorithm.EC_P256)
        .httpCredentials("factory", PASSWORD);
  }

  private static EnrollmentOutcome.Issued issued(EnrollmentOutcome outcome) {
    assertThat(outcome).isInstanceOf(EnrollmentOutcome.Issued.class);
    return (EnrollmentOutcome.Issued) outcome;
  }

  private static void assertChainsToRoot(List<X509Certificate> chain) {
    assertThat(ChainValidator.builder().trustAnchor(root.certificate()).build()
        .validate(List.of(chain.get(0), issuing.certificate())).isValid()).isTrue();
  }

  @Test
  void fetchesTheCaCertificates() throws Exception {
    assertThat(client().build().caCertificates())
        .containsExactlyInAnyOrder(issuing.certificate(), root.certificate());
  }

  @Test
  void enrollsAGeneratedKeyWithBasicAuth() throws Exception {
    EnrollmentOutcome.Issued issued =
        issued(client().build().enroll(request("CN=gateway-0001").build()));

    assertThat(issued.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=gateway-0001");
    assertThat(issued.generatedKey()).isPresent();
    Signer.forCertificate(issued.certificate(), issued.generatedKey().get());
    assertChainsToRoot(issued.chain());
  }

  @Test
  void enrollsAnExistingKey() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P384);
    EnrollmentOutcome.Issued issued = issued(client().build().enroll(
        request("CN=gateway-0002").key(Signer.of(key)).build()));

    assertThat(issued.certificate().getPublicKey()).isEqualTo(key.getPublic());
    assertThat(issued.generatedKey()).isEmpty();
  }

  @Test
  void aWrongPasswordIsRejectedWithTheHttpStatus() throws Exception {
    EnrollmentOutcome outcome = client().build().enroll(
        request("CN=x").httpCredentials("factory", "wrong".toCharArray()).build());

    assertThat(outcome).isInstanceOfSatisfying(EnrollmentOutcome.Rejected.class,
        rejected -> assertThat(rejected.code()).isEqualTo("401"));
  }

  @Test
  void reenrollsOverMutualTlsWithTheCurrentCertificate() throws Exception {
    Credential current = issuing.issue("CN=gateway-0003");
    EnrollmentRequest renewal = EnrollmentRequest.builder()
        .subject(current.certificate().getSubjectX500Principal())
        .generateKey(KeyAlgorithm.EC_P256)
        .build();

    EnrollmentOutcome.Issued issued = issued(client().build().renew(current, renewal));

    assertThat(issued.certificate().getSubjectX500Principal())
        .isEqualTo(current.certificate().getSubjectX500Principal());
    assertThat(issued.certificate().getPublicKey()).isNotEqualTo(current.certificate().getPublicKey());
    assertThat(server.requests()).anySatisfy(r -> {
      assertThat(r.operation()).isEqualTo("simplereenroll");
      assertThat(r.status()).isEqualTo(200);
    });
  }

  @Test
  void reenrollmentKeepsTheSubject() {
    Credential current = issuing.issue("CN=gateway-0004");
    EnrollmentRequest other = request("CN=someone-else").build();

    assertThatThrownBy(() -> client().build().renew(current, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keeps the subject");
  }

  @Test
  void aReenrollmentWithACertificateFromAnotherCaIsRejected() throws Exception {
    Credential stranger = TestCa.create().issue("CN=gateway-0005");
    EnrollmentRequest renewal = EnrollmentRequest.builder()
        .subject(stranger.certificate().getSubjectX500Principal())
        .generateKey(KeyAlgorithm.EC_P256)
        .build();

    EnrollmentOutcome outcome = client().ignoreCsrAttributes().build().renew(stranger, renewal);

    assertThat(outcome).isInstanceOf(EnrollmentOutcome.Rejected.class);
  }

  @Test
  void serverGeneratesTheKey() throws Exception {
    EnrollmentOutcome.Issued issued = issued(client().build().enroll(
        request("CN=gateway-0006").key(new EnrollmentKey.ServerGenerated(KeyAlgorithm.EC_P256))
            .build()));

    assertThat(issued.generatedKey()).isPresent();
    Signer.forCertificate(issued.certificate(), issued.generatedKey().get());
    assertThat(server.requests()).anySatisfy(r -> assertThat(r.operation()).isEqualTo("serverkeygen"));
  }

  @Test
  void talksToALabel() throws Exception {
    EstClient labelled = client().label("fleet-a").build();

    issued(labelled.enroll(request("CN=gateway-0007").build()));

    assertThat(labelled.baseUri().toString()).endsWith("/.well-known/est/fleet-a/");
    assertThat(server.requests()).anySatisfy(r -> assertThat(r.label()).isEqualTo("fleet-a"));
  }

  @Test
  void appliesTheCsrAttributesTheServerAsksFor() throws Exception {
    // RFC 7030 section 4.5.2: challengePassword, an EC key on secp384r1, ecdsa-with-SHA384.
    byte[] rfc7030Example = Base64.getDecoder().decode(
        "MEEGCSqGSIb3DQEJBzASBgcqhkjOPQIBMQcGBSuBBAAiMBYGCSqGSIb3DQEJDjEJBgcrBgEBAQEWBggqhkjOPQQDAw==");
    try (EstServer asking = EstServer.builder(issuing).credentials("factory", PASSWORD)
        .csrAttributes(rfc7030Example).start()) {
      EstClient est = EstClient.builder(asking.uri())
          .trustAnchors(List.of(asking.trustAnchor())).build();

      assertThatThrownBy(() -> est.enroll(request("CN=gateway-0008").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("challengePassword");

      EnrollmentOutcome.Issued issued = issued(est.enroll(
          request("CN=gateway-0008").challengePassword("otp-123".toCharArray()).build()));
      assertThat(((ECPublicKey) issued.certificate().getPublicKey()).getParams().getCurve()
          .getField().getFieldSize()).isEqualTo(384);
    }
  }

  @Test
  void readsBase64InLinesAsRfc8951Allows() throws Exception {
    try (EstServer lined = EstServer.builder(issuing).credentials("factory", PASSWORD)
        .base64LineBreaks().start()) {
      EstClient est = EstClient.builder(lined.uri())
          .trustAnchors(List.of(lined.trustAnchor())).build();

      assertThat(est.caCertificates()).hasSize(2);
      issued(est.enroll(request("CN=gateway-lines").build()));
      issued(est.enroll(request("CN=gateway-lines")
          .key(new EnrollmentKey.ServerGenerated(KeyAlgorithm.EC_P256)).build()));
    }
  }

  @Test
  void pendingHonoursRetryAfterAndResumesFromThePersistedState() throws Exception {
    EstClient est = client().ignoreCsrAttributes().build();
    server.enqueue(Fault.pending(Duration.ofSeconds(2)));

    EnrollmentOutcome first = est.enroll(request("CN=gateway-0009").build());

    assertThat(first).isInstanceOf(EnrollmentOutcome.Pending.class);
    PendingEnrollment pending = ((EnrollmentOutcome.Pending) first).enrollment();
    assertThat(pending.retryAt()).isAfter(java.time.Instant.now().plusSeconds(1));
    // A reboot: the state goes to disk and comes back.
    PendingEnrollment restored = PendingEnrollment.decode(pending.encode());
    long before = System.nanoTime();
    EnrollmentOutcome.Issued issued = issued(RetryPolicy.defaults().resume(est, restored));
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThan(Duration.ofSeconds(1));
    assertThat(issued.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=gateway-0009");
    assertThat(issued.generatedKey()).isPresent();
    Signer.forCertificate(issued.certificate(), issued.generatedKey().get());
  }

  @Test
  void aRenewalPendingIsPolledWithItsCredential() throws Exception {
    EstClient est = client().ignoreCsrAttributes().build();
    Credential current = issuing.issue("CN=gateway-0010");
    server.enqueue(Fault.pending(Duration.ofSeconds(1)));

    EnrollmentOutcome outcome = RetryPolicy.defaults().renew(est, current, EnrollmentRequest.builder()
        .subject(current.certificate().getSubjectX500Principal())
        .generateKey(KeyAlgorithm.EC_P256).build());

    issued(outcome);
  }

  @Test
  void unavailableIsATransientTransportFailureWithRetryAfter() {
    server.enqueue(Fault.unavailable(Duration.ofSeconds(7)));

    assertThatThrownBy(() -> client().ignoreCsrAttributes().build().enroll(request("CN=y").build()))
        .isInstanceOfSatisfying(EnrollmentTransportException.class, e -> {
          assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
          assertThat(e.worthRetrying()).isTrue();
        });
  }

  @Test
  void aServerErrorIsARejectionWithItsBody() throws Exception {
    server.enqueue(Fault.status(500, "CA database offline"));

    EnrollmentOutcome outcome = client().ignoreCsrAttributes().build().enroll(request("CN=z").build());

    assertThat(outcome).isEqualTo(new EnrollmentOutcome.Rejected("500", "CA database offline"));
  }

  @Test
  void aSlowServerTimesOut() {
    server.enqueue(Fault.delay(Duration.ofSeconds(5)));
    EstClient impatient = client().ignoreCsrAttributes().timeout(Duration.ofSeconds(1)).build();

    long before = System.nanoTime();
    assertThatThrownBy(() -> impatient.enroll(request("CN=slow").build()))
        .isInstanceOfSatisfying(EnrollmentTransportException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aDroppedConnectionOrTruncatedBodyIsTruncatedAndSafeToRetry() {
    for (Fault fault : List.of(Fault.drop(), Fault.truncated())) {
      server.enqueue(fault);
      assertThatThrownBy(
              () -> client().ignoreCsrAttributes().build().enroll(request("CN=cut").build()))
          .as(fault.toString())
          .isInstanceOfSatisfying(EnrollmentTransportException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.TRUNCATED);
            // Re-sending the same request is how EST polls: safe even after a POST.
            assertThat(e.worthRetrying()).isTrue();
          });
    }
  }

  @Test
  void aGetIsRetriedOnceByTheJdkTransportButNotTwice() {
    server.enqueue(Fault.drop(), Fault.drop());
    long before = cacertsRequests();

    assertThatThrownBy(() -> client().build().caCertificates())
        .isInstanceOfSatisfying(EnrollmentTransportException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.TRUNCATED));
    assertThat(cacertsRequests() - before).isEqualTo(2);
  }

  private static long cacertsRequests() {
    return server.requests().stream().filter(r -> "cacerts".equals(r.operation())).count();
  }

  @Test
  void badBase64OrAWrongContentTypeIsMalformed() {
    for (Fault fault : List.of(Fault.badBase64(), Fault.wrongContentType())) {
      server.enqueue(fault);
      assertThatThrownBy(
              () -> client().ignoreCsrAttributes().build().enroll(request("CN=m").build()))
          .as(fault.toString())
          .isInstanceOfSatisfying(EnrollmentTransportException.class,
              e -> assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE));
    }
  }

  @Test
  void aServerOutsideTheTrustAnchorsFailsTls() {
    EstClient wrongCa = EstClient.builder(server.uri())
        .trustAnchors(List.of(TestCa.create().certificate())).build();

    assertThatThrownBy(wrongCa::caCertificates)
        .isInstanceOfSatisfying(EnrollmentTransportException.class, e -> {
          assertThat(e.failure()).isEqualTo(Failure.TLS);
          assertThat(e.worthRetrying()).isFalse();
        });
  }

  @Test
  void nothingListeningIsAConnectFailure() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    EstClient nowhere = EstClient.builder(java.net.URI.create("https://127.0.0.1:" + closedPort))
        .trustAnchors(List.of(server.trustAnchor())).build();

    assertThatThrownBy(nowhere::caCertificates)
        .isInstanceOfSatisfying(EnrollmentTransportException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.CONNECT));
  }

  @Test
  void refusedCaCertificatesAreARejectedException() {
    server.enqueue(Fault.status(403, "forbidden"));

    assertThatThrownBy(() -> client().build().caCertificates())
        .isInstanceOfSatisfying(EnrollmentRejectedException.class,
            e -> assertThat(e.rejection().code()).isEqualTo("403"));
  }

  @Test
  void refusesNonHttpsAndNonEstUris() {
    assertThatThrownBy(() -> EstClient.builder(java.net.URI.create("http://h/")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EstClient.builder(java.net.URI.create("https://h/api/")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(EstClient.builder(java.net.URI.create("https://h:8443")).transport(r -> null)
        .build().baseUri().toString()).isEqualTo("https://h:8443/.well-known/est/");
  }
}
