// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRejectedException;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.enroll.RetryPolicy;
import org.iotpki.core.testing.OpenSsl;
import org.iotpki.testkit.OpenSslCmpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client against OpenSSL's CMP mock server: ir with PasswordBasedMac, cr and kur with
 * signature protection, p10cr, polling across a persisted state, rr, genm, and a wrong secret
 * refused rather than hung.
 */
class OpenSslCmpInteropTest {
  @TempDir Path dir;

  @BeforeEach
  void requireOpenSsl() {
    OpenSsl.require();
  }

  private static EnrollmentRequest request(OpenSslCmpServer server) {
    return EnrollmentRequest.builder().subject("CN=cmp-device")
        .key(new EnrollmentKey.Existing(Signer.of(server.deviceKey))).build();
  }

  private static EnrollmentOutcome.Issued issued(EnrollmentOutcome outcome) {
    assertThat(outcome).isInstanceOf(EnrollmentOutcome.Issued.class);
    return (EnrollmentOutcome.Issued) outcome;
  }

  /** OpenSSL 3.0's mock server MACs its answers with 500 iterations and HMAC-SHA1: weak, by name. */
  private static CmpClient.Builder pbm(OpenSslCmpServer server) {
    return CmpClient.builder(server.uri())
        .sharedSecret(OpenSslCmpServer.REFERENCE, OpenSslCmpServer.SECRET)
        .pbm(PbmParameters.defaults().allowWeak());
  }

  private static CmpClient.Builder signed(OpenSslCmpServer server) {
    return CmpClient.builder(server.uri()).signedBy(server.clientCredential)
        .trustAnchors(List.of(server.ca.certificate()));
  }

  @Test
  void irWithPasswordBasedMac() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(dir)) {
      EnrollmentOutcome.Issued issued = issued(pbm(server).build().enroll(request(server)));

      assertThat(issued.certificate()).isEqualTo(server.deviceCertificate);
      assertThat(issued.chain()).contains(server.ca.certificate());
    }
  }

  @Test
  void aWeakPbmAnswerIsRefusedByDefault() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(dir)) {
      CmpClient strict = CmpClient.builder(server.uri())
          .sharedSecret(OpenSslCmpServer.REFERENCE, OpenSslCmpServer.SECRET).build();

      assertThatThrownBy(() -> strict.enroll(request(server)))
          .isInstanceOfSatisfying(EnrollmentTransportException.class, e -> {
            assertThat(e.failure()).isEqualTo(EnrollmentTransportException.Failure.MALFORMED_RESPONSE);
            assertThat(e).hasMessageContaining("weak PBM parameters (SHA-256, 500 x, HMAC-SHA1)")
                .hasMessageNotContaining(new String(OpenSslCmpServer.SECRET));
          });
    }
  }

  @Test
  void irWithImplicitConfirmGranted() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(dir, "-grant_implicitconf")) {
      EnrollmentOutcome.Issued issued =
          issued(pbm(server).implicitConfirm().build().enroll(request(server)));

      assertThat(issued.certificate()).isEqualTo(server.deviceCertificate);
    }
  }

  @Test
  void crAndP10crWithSignatureProtection() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(dir)) {
      CmpClient cmp = signed(server).build();

      assertThat(issued(cmp.certify(request(server))).certificate())
          .isEqualTo(server.deviceCertificate);
      assertThat(issued(cmp.enrollPkcs10(request(server))).certificate())
          .isEqualTo(server.deviceCertificate);
    }
  }

  @Test
  void kurSignedWithTheCurrentCertificate() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(dir)) {
      // The mock server only updates -rsp_cert itself: the device renews its own certificate.
      var current = new org.iotpki.core.cert.Credential(server.deviceKey.getPrivate(),
          List.of(server.deviceCertificate));

      EnrollmentOutcome.Issued renewed = issued(CmpClient.builder(server.uri())
          .trustAnchors(List.of(server.ca.certificate())).build()
          .renew(current, request(server)));

      assertThat(renewed.certificate()).isEqualTo(server.deviceCertificate);
    }
  }

  @Test
  void aCertificateForAnotherKeyIsRefused() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(dir)) {
      EnrollmentRequest otherKey = EnrollmentRequest.builder().subject("CN=cmp-device")
          .generateKey(org.iotpki.core.crypto.KeyAlgorithm.EC_P256).build();

      assertThatThrownBy(() -> pbm(server).build().enroll(otherKey))
          .isInstanceOfSatisfying(EnrollmentTransportException.class, e -> assertThat(e)
              .hasMessageContaining("not for the requested key"));
    }
  }

  @Test
  void pollsAWaitingRequestFromItsPersistedState() throws Exception {
    try (OpenSslCmpServer server =
        OpenSslCmpServer.start(dir, "-poll_count", "2", "-check_after", "1")) {
      CmpClient cmp = pbm(server).build();

      EnrollmentOutcome first = cmp.enroll(request(server));
      assertThat(first).isInstanceOf(EnrollmentOutcome.Pending.class);
      PendingEnrollment persisted =
          PendingEnrollment.decode(((EnrollmentOutcome.Pending) first).enrollment().encode());
      // The same client: OpenSSL's mock server serves one connection at a time, and the first
      // one is still open (a rebooted device has none).
      EnrollmentOutcome.Issued issued = issued(RetryPolicy.builder()
          .backoff(Duration.ofMillis(100), Duration.ofSeconds(2)).build()
          .resume(cmp, persisted));

      assertThat(issued.certificate()).isEqualTo(server.deviceCertificate);
    }
  }

  @Test
  void revokesTheCertificate() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(dir)) {
      pbm(server).build().revoke(server.deviceCertificate, 1);
    }
  }

  @Test
  void revokingAnUnknownCertificateIsRefused() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(dir)) {
      assertThatThrownBy(() -> pbm(server).build()
          .revoke(server.clientCredential.certificate(), 0))
          .isInstanceOfSatisfying(EnrollmentRejectedException.class,
              e -> assertThat(e.rejection().code()).isEqualTo("badRequest"));
    }
  }

  @Test
  void generalMessageIsAnswered() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(dir)) {
      // OpenSSL 3.0's mock server echoes the infoType without a value: no certificates.
      assertThat(pbm(server).build().caCertificates()).isEmpty();
    }
  }

  @Test
  void aWrongSecretIsRefusedNotHung() throws Exception {
    try (OpenSslCmpServer server = OpenSslCmpServer.start(dir)) {
      EnrollmentOutcome outcome = CmpClient.builder(server.uri())
          .sharedSecret(OpenSslCmpServer.REFERENCE, "wrong".toCharArray())
          .timeout(Duration.ofSeconds(10)).build()
          .enroll(request(server));

      assertThat(outcome).isInstanceOfSatisfying(EnrollmentOutcome.Rejected.class, rejected -> {
        assertThat(rejected.code()).isEqualTo("badRequest");
        assertThat(rejected.detail()).contains("unverified");
      });
    }
  }
}
