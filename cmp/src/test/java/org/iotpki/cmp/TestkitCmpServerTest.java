// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRejectedException;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.testkit.CmpServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our client against the testkit {@link CmpServer}, which (unlike OpenSSL 3.0's mock server)
 * issues real certificates and answers genm with real values; the server's own interop with
 * {@code openssl cmp} is in testkit's {@code CmpServerTest}. Here: issuance for new keys,
 * renewal, pending across a persisted state, revocation, genp values, and each scripted fault
 * giving its typed failure.
 */
class TestkitCmpServerTest {
  private static final String REFERENCE = "factory";
  private static final char[] SECRET = "factory-secret".toCharArray();

  private static TestCa root;
  private static TestCa issuing;
  private CmpServer server;

  @BeforeAll
  static void ca() {
    root = TestCa.create();
    issuing = root.intermediate("CN=Test CMP CA");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CmpClient.Builder client(CmpServer.Builder builder) {
    server = builder.sharedSecret(REFERENCE, SECRET).start();
    return CmpClient.builder(server.uri()).sharedSecret(REFERENCE, SECRET)
        .trustAnchors(List.of(root.root())).timeout(Duration.ofSeconds(5));
  }

  private static EnrollmentRequest newKey(String subject) {
    return EnrollmentRequest.builder().subject(subject).generateKey(KeyAlgorithm.EC_P256).build();
  }

  private static EnrollmentOutcome.Issued issued(EnrollmentOutcome outcome) {
    assertThat(outcome).isInstanceOf(EnrollmentOutcome.Issued.class);
    return (EnrollmentOutcome.Issued) outcome;
  }

  private static void assertChainsToRoot(EnrollmentOutcome.Issued issued) {
    List<X509Certificate> path = issued.chain().stream()
        .filter(c -> !c.equals(root.root())).toList();
    assertThat(ChainValidator.builder().trustAnchor(root.root()).build().validate(path)
        .isValid()).as(path.toString()).isTrue();
  }

  @Test
  void enrollsRenewsAndRevokes() throws Exception {
    CmpClient cmp = client(CmpServer.builder(issuing)).build();

    EnrollmentOutcome.Issued first = issued(cmp.enroll(newKey("CN=device-1")));
    assertChainsToRoot(first);
    Credential current = first.credential().orElseThrow();
    EnrollmentOutcome.Issued renewed = issued(cmp.renew(current, newKey("CN=device-1")));
    assertChainsToRoot(renewed);
    assertThat(renewed.certificate().getPublicKey())
        .isNotEqualTo(first.certificate().getPublicKey());
    cmp.revoke(first.certificate(), 4);

    assertThat(server.issuedCertificates())
        .containsExactlyInAnyOrder(first.certificate(), renewed.certificate());
    assertThat(server.revokedSerials()).containsExactly(first.certificate().getSerialNumber());
    assertThat(server.operations()).containsExactly("ir:accepted", "certConf:accepted",
        "kur:accepted", "certConf:accepted", "rr:accepted");
    assertThatThrownBy(() -> cmp.revoke(first.certificate(), 4))
        .isInstanceOfSatisfying(EnrollmentRejectedException.class,
            e -> assertThat(e.rejection().code()).isEqualTo("certRevoked"));
  }

  @Test
  void p10crAndCrSignedWithACertificateOfTheCa() throws Exception {
    CmpClient pbm = client(CmpServer.builder(issuing)).build();
    EnrollmentOutcome.Issued first = issued(pbm.enrollPkcs10(newKey("CN=device-2")));
    Credential current = first.credential().orElseThrow();

    CmpClient signed = CmpClient.builder(server.uri()).signedBy(current)
        .trustAnchors(List.of(root.root())).build();
    EnrollmentOutcome.Issued second = issued(signed.certify(newKey("CN=device-2b")));

    assertChainsToRoot(first);
    assertChainsToRoot(second);
    assertThat(server.operations()).containsExactly("p10cr:accepted", "certConf:accepted",
        "cr:accepted", "certConf:accepted");
  }

  @Test
  void aPendingRequestIsResumedFromItsPersistedStateAfterApproval() throws Exception {
    CmpClient cmp = client(CmpServer.builder(issuing).manualApproval()
        .checkAfter(Duration.ofSeconds(7))).build();

    EnrollmentOutcome first = cmp.enroll(newKey("CN=device-3"));
    assertThat(first).isInstanceOf(EnrollmentOutcome.Pending.class);
    EnrollmentOutcome second = cmp.poll(((EnrollmentOutcome.Pending) first).enrollment());
    assertThat(second).isInstanceOf(EnrollmentOutcome.Pending.class);
    server.approveAll();
    EnrollmentOutcome.Issued issued = issued(CmpClient.builder(server.uri())
        .sharedSecret(REFERENCE, SECRET).build()
        .poll(((EnrollmentOutcome.Pending) second).enrollment()));

    assertChainsToRoot(issued);
    assertThat(server.operations()).containsExactly("ir:waiting", "pollReq:waiting",
        "pollReq:accepted", "certConf:accepted");
  }

  @Test
  void genmAnswersCaCertsTheCertificateTemplateAndNoRootUpdate() throws Exception {
    CmpClient cmp = client(CmpServer.builder(issuing)).build();

    assertThat(cmp.caCertificates()).containsExactly(issuing.certificate(), root.root());
    CertificateRequestTemplate template = cmp.certificateRequestTemplate().orElseThrow();
    assertThat(template.keyAlgorithm()).contains(KeyAlgorithm.EC_P256);
    assertThat(template.keySpecifications()).isEqualTo(1);
    assertThat(template.subject()).isEmpty();
    assertThat(cmp.rootCaKeyUpdate(root.root())).isEmpty();
  }

  @Test
  void aRootCaKeyUpdateIsAuthenticatedWithTheCurrentRoot() throws Exception {
    TestCa next = TestCa.builder().subject("CN=iotpki Test Root CA G2").build();
    CmpClient cmp = client(CmpServer.builder(issuing).rootCaKeyUpdate(next.root(),
        root.crossCertify(next), next.crossCertify(root))).build();

    RootCaKeyUpdate update = cmp.rootCaKeyUpdate(root.root()).orElseThrow();

    assertThat(update.newWithNew()).isEqualTo(next.root());
    assertThat(update.newWithOld().getPublicKey()).isEqualTo(next.root().getPublicKey());
    assertThat(update.oldWithNew().orElseThrow().getPublicKey())
        .isEqualTo(root.root().getPublicKey());
    assertThat(cmp.rootCaKeyUpdate(next.root())).as("an update of another root").isEmpty();
  }

  @Test
  void aRootCaKeyUpdateNotSignedByTheCurrentRootIsRefused() {
    TestCa next = TestCa.builder().subject("CN=iotpki Test Root CA G2").build();
    TestCa impostor = TestCa.builder().subject(root.root().getSubjectX500Principal().getName())
        .build();
    CmpClient cmp = client(CmpServer.builder(issuing).rootCaKeyUpdate(next.root(),
        impostor.crossCertify(next), null)).build();

    assertThatThrownBy(() -> cmp.rootCaKeyUpdate(root.root()))
        .isInstanceOfSatisfying(EnrollmentTransportException.class, e -> assertThat(e)
            .hasMessageContaining("not signed by the current root's key"));
  }

  @Test
  void aWrongSecretIsRejectedWithBadMessageCheck() {
    client(CmpServer.builder(issuing));
    CmpClient wrong = CmpClient.builder(server.uri())
        .sharedSecret(REFERENCE, "guess".toCharArray()).build();

    assertThat(assertRejected(wrong)).isEqualTo("badMessageCheck");
    assertThat(server.issuedCertificates()).isEmpty();
  }

  @Test
  void aCrWithoutACertificateIsNotAuthorized() throws Exception {
    CmpClient cmp = client(CmpServer.builder(issuing)).build();

    EnrollmentOutcome outcome = cmp.certify(newKey("CN=device-4"));

    assertThat(outcome).isInstanceOfSatisfying(EnrollmentOutcome.Rejected.class,
        rejected -> assertThat(rejected.code()).isEqualTo("notAuthorized"));
    assertThat(server.operations()).containsExactly("cr:notAuthorized");
  }

  @ParameterizedTest
  @EnumSource(CmpServer.Fault.class)
  void eachFaultGivesATypedTransportFailure(CmpServer.Fault fault) {
    CmpClient cmp = client(CmpServer.builder(issuing)).build();
    server.enqueue(fault);

    assertThatThrownBy(() -> cmp.enroll(newKey("CN=device-5")))
        .isInstanceOf(EnrollmentTransportException.class);
    assertThat(server.issuedCertificates()).hasSizeLessThanOrEqualTo(1);
  }

  private static String assertRejected(CmpClient cmp) {
    try {
      EnrollmentOutcome outcome = cmp.enroll(newKey("CN=device-6"));
      assertThat(outcome).isInstanceOf(EnrollmentOutcome.Rejected.class);
      return ((EnrollmentOutcome.Rejected) outcome).code();
    } catch (EnrollmentTransportException e) {
      throw new AssertionError(e);
    }
  }
}
