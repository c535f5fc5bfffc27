// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRejectedException;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.testing.MutableClock;
import org.iotpki.core.testing.Pebble;
import org.iotpki.testkit.PebbleServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client against Let's Encrypt's Pebble, started here on 127.0.0.1 with its TLS root passed as
 * the only trust: http-01 validated by Pebble against our responder, issuance in Pebble's
 * always-valid mode, revocation (by the account and by the certificate's key) seen in Pebble's
 * records, account key rollover, Pebble's random badNonce refusals retried unseen, a wrong
 * external account binding refused with its ACME problem type, and renewal information (which
 * Pebble 2.4.0 does not offer).
 */
class PebbleInteropTest {
  private static final String UNAUTHORIZED = "urn:ietf:params:acme:error:unauthorized";

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @TempDir static Path dir;
  private static Http01Responder http01;
  private static PebbleServer pebble;

  @BeforeAll
  static void startPebble() throws Exception {
    Pebble.require();
    http01 = Http01Responder.start(new InetSocketAddress("127.0.0.1", 0));
    pebble = PebbleServer.builder(dir).httpPort(http01.port()).start();
  }

  @AfterAll
  static void stop() {
    if (pebble != null) {
      pebble.close();
    }
    if (http01 != null) {
      http01.close();
    }
  }

  private static AcmeEnrollmentClient.Builder client(PebbleServer server, KeyPair accountKey) {
    return AcmeEnrollmentClient.builder(server.directory())
        .trustAnchors(List.of(server.tlsTrust()))
        .accountKey(accountKey)
        .agreeToTermsOfService()
        .responder(http01);
  }

  private static EnrollmentRequest request(String subject, GeneralName... names) {
    return EnrollmentRequest.builder().subject(subject).subjectAltNames(names)
        .generateKey(KeyAlgorithm.EC_P256).build();
  }

  private static EnrollmentOutcome.Issued issued(EnrollmentOutcome outcome) {
    assertThat(outcome).isInstanceOf(EnrollmentOutcome.Issued.class);
    return (EnrollmentOutcome.Issued) outcome;
  }

  private static KeyPair newKey() {
    return KeyPairs.generate(KeyAlgorithm.EC_P256);
  }

  @Test
  void http01ValidatedByPebbleAgainstOurResponder() throws Exception {
    EnrollmentOutcome.Issued issued = issued(client(pebble, newKey()).build()
        .enroll(request("CN=127.0.0.1", GeneralName.ip(LOOPBACK))));

    X509Certificate certificate = issued.certificate();
    assertThat(CertificateSummary.of(certificate).subjectAltNames())
        .contains(GeneralName.ip(LOOPBACK));
    assertThat(certificate.getPublicKey())
        .isEqualTo(KeyPairs.fromPrivateKey(issued.generatedKey().orElseThrow()).getPublic());
    X509Certificate last = issued.chain().get(issued.chain().size() - 1);
    X509Certificate root = pebble.issuingRoot(0);
    assertThat(last.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
    last.verify(root.getPublicKey());
  }

  @Test
  void anOrderUnfinishedAtTheTimeoutIsPendingAndResumedWithItsState() throws Exception {
    KeyPair accountKey = newKey();
    // Every wait of the first call takes an hour on its clock, so its deadline passes right after
    // the trigger; the slow path to the responder keeps Pebble from validating before that.
    MutableClock clock = new MutableClock(Instant.now());
    try (SlowProxy slow = new SlowProxy(http01.port(), Duration.ofSeconds(2));
        PebbleServer slowPebble = PebbleServer.builder(dir.resolve("slow")).httpPort(slow.port())
            .start()) {
      EnrollmentOutcome first = client(slowPebble, accountKey).clock(clock)
          .sleeper(wait -> clock.advance(Duration.ofHours(1))).build()
          .enroll(request("CN=127.0.0.1", GeneralName.ip(LOOPBACK)));
      assertThat(first).isInstanceOf(EnrollmentOutcome.Pending.class);
      PendingEnrollment pending = PendingEnrollment.decode(
          ((EnrollmentOutcome.Pending) first).enrollment().encode()); // as after a reboot

      EnrollmentOutcome.Issued issued = issued(client(slowPebble, accountKey).build().poll(pending));

      assertThat(pending.protocol()).isEqualTo(AcmeEnrollmentClient.PROTOCOL);
      assertThat(issued.certificate().getPublicKey())
          .isEqualTo(KeyPairs.fromPrivateKey(issued.generatedKey().orElseThrow()).getPublic());
    }
  }

  /** Passes the CA's http-01 requests on to a responder, after a delay. */
  private static final class SlowProxy implements AutoCloseable {
    private final HttpServer server;

    SlowProxy(int responderPort, Duration delay) throws IOException {
      HttpClient client = HttpClient.newHttpClient();
      server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 8);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", exchange -> {
        try (exchange) {
          Thread.sleep(delay.toMillis());
          HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(
              "http://127.0.0.1:" + responderPort + exchange.getRequestURI().getPath())).build(),
              HttpResponse.BodyHandlers.ofByteArray());
          exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
          exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void alwaysValidModeIssuesForDnsNamesAndTheCallersKey() throws Exception {
    try (PebbleServer alwaysValid = PebbleServer.builder(dir.resolve("always")).alwaysValid().start()) {
      KeyPair deviceKey = newKey();
      EnrollmentOutcome.Issued issued = issued(client(alwaysValid, newKey()).build()
          .enroll(EnrollmentRequest.builder().subject("CN=gw-1.iotpki.test")
              .subjectAltNames(GeneralName.dns("gw-1.iotpki.test"), GeneralName.dns("gw-1b.iotpki.test"))
              .key(deviceKey).build()));

      assertThat(issued.generatedKey()).isEmpty();
      assertThat(issued.certificate().getPublicKey()).isEqualTo(deviceKey.getPublic());
      assertThat(CertificateSummary.of(issued.certificate()).subjectAltNames())
          .containsExactlyInAnyOrder(GeneralName.dns("gw-1.iotpki.test"), GeneralName.dns("gw-1b.iotpki.test"));
    }
  }

  @Test
  void dns01HookGetsTheTxtRecordAndWithdrawsIt() throws Exception {
    // Pebble's always-valid mode skips the DNS lookup, not the challenge: the client still has
    // to pick dns-01, hand the hook its record, and trigger it.
    List<String> calls = new ArrayList<>();
    ChallengeResponder dns01 = new ChallengeResponder() {
      @Override
      public String type() {
        return AcmeChallenge.DNS_01;
      }

      @Override
      public void deploy(AcmeChallenge challenge) {
        calls.add("deploy " + challenge.dnsRecordName() + " " + challenge.response());
      }

      @Override
      public void remove(AcmeChallenge challenge) {
        calls.add("remove " + challenge.dnsRecordName() + " " + challenge.response());
      }
    };
    try (PebbleServer alwaysValid = PebbleServer.builder(dir.resolve("dns")).alwaysValid().start()) {
      issued(AcmeEnrollmentClient.builder(alwaysValid.directory())
          .trustAnchors(List.of(alwaysValid.tlsTrust())).accountKey(newKey())
          .agreeToTermsOfService().responder(dns01).build()
          .enroll(request("CN=gw-dns.iotpki.test", GeneralName.dns("gw-dns.iotpki.test"))));
    }

    assertThat(calls).hasSize(2);
    // The TXT value is base64url(SHA-256(key authorization)): 43 characters.
    assertThat(calls.get(0)).matches("deploy _acme-challenge\\.gw-dns\\.iotpki\\.test\\. [A-Za-z0-9_-]{43}");
    assertThat(calls.get(1)).isEqualTo(calls.get(0).replace("deploy", "remove"));
  }

  @Test
  void preferredAlternateChain() throws Exception {
    try (PebbleServer alternates = PebbleServer.builder(dir.resolve("alternates")).alwaysValid()
        .alternateRoots(1).start()) {
      X509Certificate defaultRoot = alternates.issuingRoot(0);
      X509Certificate alternateRoot = alternates.issuingRoot(1);
      EnrollmentRequest request = request("CN=gw-alt.iotpki.test",
          GeneralName.dns("gw-alt.iotpki.test"));

      List<X509Certificate> byDefault = issued(client(alternates, newKey()).build()
          .enroll(request)).chain();
      List<X509Certificate> preferred = issued(client(alternates, newKey())
          .preferredChain(alternateRoot.getSubjectX500Principal()).build().enroll(request)).chain();

      assertThat(byDefault.get(byDefault.size() - 1).getIssuerX500Principal())
          .isEqualTo(defaultRoot.getSubjectX500Principal());
      assertThat(preferred.get(preferred.size() - 1).getIssuerX500Principal())
          .isEqualTo(alternateRoot.getSubjectX500Principal());
      preferred.get(preferred.size() - 1).verify(alternateRoot.getPublicKey());
    }
  }

  @Test
  void revocationByTheAccountAndByTheCertificateKeyIsRecordedByPebble() throws Exception {
    AcmeEnrollmentClient acme = client(pebble, newKey()).build();
    EnrollmentOutcome.Issued first = issued(acme.enroll(request("CN=127.0.0.1",
        GeneralName.ip(LOOPBACK))));
    EnrollmentOutcome.Issued second = issued(acme.enroll(request("CN=127.0.0.1",
        GeneralName.ip(LOOPBACK))));
    assertThat(pebble.revoked(first.certificate().getSerialNumber())).isFalse();

    acme.revoke(first.certificate(), 4);
    acme.revokeWithCertificateKey(second.certificate(),
        KeyPairs.fromPrivateKey(second.generatedKey().orElseThrow()), 1);

    assertThat(pebble.revoked(first.certificate().getSerialNumber())).isTrue();
    assertThat(pebble.revoked(second.certificate().getSerialNumber())).isTrue();
    assertThatThrownBy(() -> acme.revoke(first.certificate(), 0))
        .isInstanceOfSatisfying(EnrollmentRejectedException.class, e -> assertThat(
            e.rejection().code()).isEqualTo("urn:ietf:params:acme:error:alreadyRevoked"));
  }

  @Test
  void keyRolloverKeepsTheAccountUnderTheNewKey() throws Exception {
    KeyPair oldKey = newKey();
    KeyPair newKey = newKey();
    AcmeEnrollmentClient acme = client(pebble, oldKey).build();
    var account = acme.account();

    acme.rollAccountKey(newKey);

    assertThat(acme.account()).isEqualTo(account);
    assertThat(client(pebble, newKey).build().account()).isEqualTo(account);
    assertThat(client(pebble, oldKey).build().account()).isNotEqualTo(account);
    issued(acme.enroll(request("CN=127.0.0.1",
        GeneralName.ip(LOOPBACK))));
  }

  @Test
  void deactivatedAccountIsRefused() throws Exception {
    KeyPair key = newKey();
    AcmeEnrollmentClient acme = client(pebble, key).build();
    acme.account();

    acme.deactivateAccount();

    EnrollmentOutcome outcome = client(pebble, key).build().enroll(
        request("CN=127.0.0.1", GeneralName.ip(LOOPBACK)));
    assertThat(outcome).isInstanceOfSatisfying(EnrollmentOutcome.Rejected.class,
        rejected -> assertThat(rejected.code()).isEqualTo(UNAUTHORIZED));
  }

  @Test
  void badNonceRefusalsAreRetriedUnseen() throws Exception {
    try (PebbleServer rejecting = PebbleServer.builder(dir.resolve("nonces")).alwaysValid()
        .nonceRejectPercent(30).start()) {
      AcmeEnrollmentClient acme = client(rejecting, newKey()).build();
      for (int i = 0; i < 3; i++) {
        issued(acme.enroll(request("CN=gw-" + i + ".iotpki.test",
            GeneralName.dns("gw-" + i + ".iotpki.test"))));
      }
    }
  }

  @Test
  void aServerRefusingEveryNonceIsReportedAsBadNonce() throws Exception {
    // The counterpart of the test above: Pebble's refusals are real, and retried a bounded number
    // of times.
    try (PebbleServer rejecting = PebbleServer.builder(dir.resolve("all-nonces")).alwaysValid()
        .nonceRejectPercent(100).start()) {
      assertThatThrownBy(client(rejecting, newKey()).build()::account)
          .isInstanceOfSatisfying(EnrollmentRejectedException.class, e -> assertThat(
              e.rejection().code()).isEqualTo("urn:ietf:params:acme:error:badNonce"));
    }
  }

  @Test
  void externalAccountBinding() throws Exception {
    byte[] hmac = "an-hmac-key-of-32-bytes-for-eab!".getBytes(StandardCharsets.US_ASCII);
    try (PebbleServer eab = PebbleServer.builder(dir.resolve("eab")).alwaysValid()
        .externalAccountKey("kid-1", Base64.getUrlEncoder().withoutPadding().encodeToString(hmac))
        .start()) {
      byte[] wrong = hmac.clone();
      wrong[0] ^= 1;
      AcmeEnrollmentClient wrongBinding = client(eab, newKey())
          .externalAccountBinding("kid-1", wrong).build();
      assertThatThrownBy(wrongBinding::account)
          .isInstanceOfSatisfying(EnrollmentRejectedException.class,
              e -> assertThat(e.rejection().code()).isEqualTo(UNAUTHORIZED));
      assertThat(wrongBinding.enroll(request("CN=gw.iotpki.test", GeneralName.dns("gw.iotpki.test"))))
          .isInstanceOfSatisfying(EnrollmentOutcome.Rejected.class,
              rejected -> assertThat(rejected.code()).isEqualTo(UNAUTHORIZED));

      issued(client(eab, newKey()).externalAccountBinding("kid-1", hmac).build()
          .enroll(request("CN=gw.iotpki.test", GeneralName.dns("gw.iotpki.test"))));
    }
  }

  @Test
  void noRenewalInformationFromPebble240() throws Exception {
    AcmeEnrollmentClient acme = client(pebble, newKey()).build();
    EnrollmentOutcome.Issued issued = issued(acme.enroll(request("CN=127.0.0.1",
        GeneralName.ip(LOOPBACK))));

    // Pebble 2.4.0's directory has no renewalInfo (RFC 9773); later Pebbles do.
    assertThat(acme.suggestedWindow(issued.certificate())).isEmpty();
  }

  @Test
  void aServerOutsideTheTrustAnchorsIsATlsFailure() {
    AcmeEnrollmentClient acme = AcmeEnrollmentClient.builder(pebble.directory())
        .trustAnchors(List.of(TestCa.create().root())).accountKey(newKey())
        .responder(http01).build();

    assertThatThrownBy(acme::account).isInstanceOfSatisfying(EnrollmentTransportException.class,
        e -> assertThat(e.failure()).isEqualTo(EnrollmentTransportException.Failure.TLS));
  }
}
