// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.net.URI;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.HttpResponse;
import org.iotpki.core.enroll.HttpTransport;
import org.iotpki.core.enroll.JdkHttpTransport;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.testing.MutableClock;
import org.iotpki.core.testing.OcspTestCa;
import org.iotpki.core.testing.OpenSslOcspResponder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OcspClient} against OpenSSL's OCSP responder, started by each test on 127.0.0.1: good,
 * revoked, unknown, an unreachable responder under each policy, forged, stale and replayed
 * responses, delegated responders, stapling and the cache.
 */
class OcspClientTest {
  @TempDir Path dir;
  private OcspTestCa ca;
  private final List<byte[]> answers = new ArrayList<>();
  private final HttpTransport jdk = JdkHttpTransport.builder().trustSystemCertificates().build();
  /** The real transport, recording every answer body. */
  private final HttpTransport recording = request -> {
    HttpResponse response = jdk.send(request);
    answers.add(response.body());
    return response;
  };

  @BeforeEach
  void createCa() throws Exception {
    ca = new OcspTestCa();
  }

  private OcspClient.Builder client() {
    return OcspClient.builder().transport(recording).timeout(Duration.ofSeconds(5));
  }

  private OpenSslOcspResponder responder(String... options) throws Exception {
    return OpenSslOcspResponder.start(dir, ca.ca, ca.ca, ca.index(), options);
  }

  @Test
  void goodCertificateIsGoodUntilTheResponsesNextUpdate() throws Exception {
    try (OpenSslOcspResponder ocsp = responder("-nmin", "10")) {
      RevocationResult result = client().build().check(ca.device(OcspTestCa.GOOD, ocsp.uri()), ca.ca.certificate());

      assertThat(result).isInstanceOf(RevocationResult.Good.class);
      assertThat(result.source()).isEqualTo(RevocationSource.OCSP);
      assertThat(((RevocationResult.Good) result).validUntil())
          .hasValueSatisfying(nextUpdate -> assertThat(nextUpdate)
              .isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11))));
    }
  }

  @Test
  void revokedCertificateIsRevokedWithTimeAndReason() throws Exception {
    try (OpenSslOcspResponder ocsp = responder("-nmin", "10")) {
      RevocationResult result = client().build().check(ca.device(OcspTestCa.REVOKED, ocsp.uri()), ca.ca.certificate());

      assertThat(result).isEqualTo(new RevocationResult.Revoked(
          RevocationSource.OCSP, Optional.of(OcspTestCa.REVOKED_AT), Optional.of(CRLReason.KEY_COMPROMISE)));
      assertThat(result.isAccepted()).isFalse();
    }
  }

  @Test
  void certificateTheResponderDoesNotKnowIsUnknown() throws Exception {
    try (OpenSslOcspResponder ocsp = responder("-nmin", "10")) {
      RevocationResult result =
          client().build().check(ca.device(OcspTestCa.NOT_IN_INDEX, ocsp.uri()), ca.ca.certificate());

      assertFailure(result, RevocationFailure.CERTIFICATE_STATUS_UNKNOWN);
    }
  }

  @Test
  void unreachableResponderIsUnknownUnderHardFailAcceptedUnderSoftFail() throws Exception {
    X509Certificate device = ca.device(OcspTestCa.GOOD, closedPort());

    assertFailure(client().build().check(device, ca.ca.certificate()), RevocationFailure.RESPONDER_UNREACHABLE);
    RevocationResult soft = client().policy(OcspPolicy.SOFT_FAIL).build().check(device, ca.ca.certificate());
    assertThat(soft).isInstanceOf(RevocationResult.SoftFailed.class);
    assertThat(((RevocationResult.SoftFailed) soft).failure()).isEqualTo(RevocationFailure.RESPONDER_UNREACHABLE);
    assertThat(soft.isAccepted()).isTrue();
  }

  @Test
  void stapledOnlyNeverAsksAResponder() throws Exception {
    try (OpenSslOcspResponder ocsp = responder("-nmin", "10")) {
      RevocationResult result = client().policy(OcspPolicy.STAPLED_ONLY).build()
          .check(ca.device(OcspTestCa.GOOD, ocsp.uri()), ca.ca.certificate());

      assertFailure(result, RevocationFailure.NO_STAPLED_RESPONSE);
      assertThat(answers).isEmpty();
    }
  }

  @Test
  void responseSignedByAnotherKeyUnderTheIssuersNameIsRefused() throws Exception {
    Issuer impostor = Issuer.root(ca.ca.certificate().getSubjectX500Principal().getName(), KeyAlgorithm.EC_P256);
    try (OpenSslOcspResponder ocsp = OpenSslOcspResponder.start(dir, impostor, impostor, ca.index(), "-nmin", "10")) {
      RevocationResult result = client().build().check(ca.device(OcspTestCa.GOOD, ocsp.uri()), ca.ca.certificate());

      assertFailure(result, RevocationFailure.SIGNATURE_INVALID);
    }
  }

  @Test
  void responsePastItsNextUpdateIsStale() throws Exception {
    MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofMinutes(7)));
    try (OpenSslOcspResponder ocsp = responder("-nmin", "1")) {
      OcspClient client = client().clock(clock).build();
      X509Certificate device = ca.device(OcspTestCa.GOOD, ocsp.uri());

      assertFailure(client.check(device, ca.ca.certificate()), RevocationFailure.NOT_FRESH);
      clock.set(Instant.now());
      assertThat(client.check(device, ca.ca.certificate())).isInstanceOf(RevocationResult.Good.class);
    }
  }

  @Test
  void replayedResponseWithAnotherRequestsNonceIsRefused() throws Exception {
    try (OpenSslOcspResponder ocsp = responder("-nmin", "10")) {
      X509Certificate device = ca.device(OcspTestCa.GOOD, ocsp.uri());
      assertThat(client().build().check(device, ca.ca.certificate())).isInstanceOf(RevocationResult.Good.class);
      byte[] captured = answers.get(0);
      HttpTransport replay = request -> new HttpResponse(200, java.util.Map.of(), captured);

      RevocationResult replayed = OcspClient.builder().transport(replay).build().check(device, ca.ca.certificate());

      assertFailure(replayed, RevocationFailure.NONCE_MISMATCH);
    }
  }

  @Test
  void responseWithoutNonceIsRefusedUnlessTheClientSendsNone() throws Exception {
    X509Certificate device = ca.device(OcspTestCa.GOOD, closedPort());
    byte[] request = OcspRequest.encode(OcspCertId.of(device, ca.ca.certificate()), Optional.empty());
    byte[] preProduced = OpenSslOcspResponder.respond(dir, ca.ca, ca.ca, ca.index(), request, "-nmin", "10");
    HttpTransport serving = sent -> new HttpResponse(200, java.util.Map.of(), preProduced);

    RevocationResult strict = OcspClient.builder().transport(serving).build().check(device, ca.ca.certificate());
    RevocationResult withoutNonce =
        OcspClient.builder().transport(serving).omitNonce().build().check(device, ca.ca.certificate());

    assertFailure(strict, RevocationFailure.NONCE_MISMATCH);
    assertThat(withoutNonce).isInstanceOf(RevocationResult.Good.class);
  }

  @Test
  void delegatedResponderWithOcspSigningIsTrusted() throws Exception {
    Issuer delegate = ca.responder(true);
    try (OpenSslOcspResponder ocsp =
        OpenSslOcspResponder.start(dir, ca.ca, delegate, ca.index(), "-nmin", "10")) {
      RevocationResult good = client().build().check(ca.device(OcspTestCa.GOOD, ocsp.uri()), ca.ca.certificate());
      RevocationResult revoked =
          client().build().check(ca.device(OcspTestCa.REVOKED, ocsp.uri()), ca.ca.certificate());

      assertThat(good).isInstanceOf(RevocationResult.Good.class);
      assertThat(revoked).isInstanceOf(RevocationResult.Revoked.class);
    }
  }

  @Test
  void delegatedResponderWithoutOcspSigningIsRefused() throws Exception {
    Issuer delegate = ca.responder(false);
    try (OpenSslOcspResponder ocsp =
        OpenSslOcspResponder.start(dir, ca.ca, delegate, ca.index(), "-nmin", "10")) {
      RevocationResult result = client().build().check(ca.device(OcspTestCa.REVOKED, ocsp.uri()), ca.ca.certificate());

      assertFailure(result, RevocationFailure.UNAUTHORIZED_RESPONDER);
    }
  }

  @Test
  void secondCheckBeforeNextUpdateIsAnsweredFromTheCache() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    try (OpenSslOcspResponder ocsp = responder("-nmin", "10")) {
      OcspClient client = client().clock(clock).build();
      X509Certificate device = ca.device(OcspTestCa.GOOD, ocsp.uri());

      RevocationResult first = client.check(device, ca.ca.certificate());
      clock.advance(Duration.ofMinutes(5));
      RevocationResult second = client.check(device, ca.ca.certificate());

      assertThat(second).isEqualTo(first).isInstanceOf(RevocationResult.Good.class);
      assertThat(answers).hasSize(1);
      clock.advance(Duration.ofMinutes(6));
      client.check(device, ca.ca.certificate());
      assertThat(answers).hasSize(2);
    }
  }

  @Test
  void stapledResponseIsVerifiedAndServesStapledOnlyChecks() throws Exception {
    X509Certificate device = ca.device(OcspTestCa.REVOKED, closedPort());
    byte[] request = OcspRequest.encode(OcspCertId.of(device, ca.ca.certificate()), Optional.empty());
    byte[] staple = OpenSslOcspResponder.respond(dir, ca.ca, ca.ca, ca.index(), request, "-nmin", "10");
    OcspClient hub = client().policy(OcspPolicy.STAPLED_ONLY).build();

    RevocationResult verified = hub.verifyStapled(device, ca.ca.certificate(), staple);

    assertThat(verified).isEqualTo(new RevocationResult.Revoked(
        RevocationSource.STAPLED_OCSP, Optional.of(OcspTestCa.REVOKED_AT), Optional.of(CRLReason.KEY_COMPROMISE)));
    assertThat(hub.check(device, ca.ca.certificate())).isEqualTo(verified);
    assertThat(answers).isEmpty();
  }

  @Test
  void stapledResponseForAnotherCertificateSaysNothingAboutThisOne() throws Exception {
    X509Certificate good = ca.device(OcspTestCa.GOOD, closedPort());
    X509Certificate revoked = ca.device(OcspTestCa.REVOKED, closedPort());
    byte[] request = OcspRequest.encode(OcspCertId.of(good, ca.ca.certificate()), Optional.empty());
    byte[] staple = OpenSslOcspResponder.respond(dir, ca.ca, ca.ca, ca.index(), request, "-nmin", "10");

    RevocationResult result = client().build().verifyStapled(revoked, ca.ca.certificate(), staple);

    assertFailure(result, RevocationFailure.NO_STATUS_FOR_CERTIFICATE);
  }

  @Test
  void garbageFromTheResponderIsMalformed() throws Exception {
    X509Certificate device = ca.device(OcspTestCa.GOOD, closedPort());
    HttpTransport garbage = request -> new HttpResponse(200, java.util.Map.of(), new byte[] {0x30, 0x03, 0x0a, 0x01});

    RevocationResult result = OcspClient.builder().transport(garbage).build().check(device, ca.ca.certificate());

    assertFailure(result, RevocationFailure.MALFORMED_RESPONSE);
  }

  private static void assertFailure(RevocationResult result, RevocationFailure failure) {
    assertThat(result).isInstanceOf(RevocationResult.Unknown.class);
    assertThat(((RevocationResult.Unknown) result).failure())
        .as(((RevocationResult.Unknown) result).message())
        .isEqualTo(failure);
    assertThat(result.isAccepted()).isFalse();
  }

  /** A URI on 127.0.0.1 where nothing listens. */
  private static URI closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }
  }
}
