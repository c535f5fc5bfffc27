// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.RetryPolicy;
import org.iotpki.core.lifecycle.ChildDevice;
import org.iotpki.core.lifecycle.ChildRenewalResult;
import org.iotpki.core.lifecycle.HubRenewal;
import org.iotpki.core.testing.MutableClock;
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.testkit.CmpServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub renewing child devices that cannot reach the CA, through its own CMP client (protected
 * with the hub's shared secret) against the testkit CMP server; each request is signed by the
 * child's new key.
 */
class HubRenewalCmpTest {
  private static final String HUB = "hub-7";
  private static final char[] HUB_SECRET = "hub-secret".toCharArray();

  @TempDir Path ledger;
  private TestCa root;
  private TestCa issuing;
  private CmpServer server;
  private final MutableClock clock = new MutableClock(Instant.now());

  @BeforeEach
  void start() {
    root = TestCa.create();
    issuing = root.intermediate("CN=Test CMP CA");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void renewsOnlyTheChildrenThatAreDueWithKeysMadeOnTheChildren() throws Exception {
    server = CmpServer.builder(issuing).sharedSecret(HUB, HUB_SECRET).start();
    Child due = new Child("sensor-1");
    Child notDue = new Child("sensor-2");
    clock.set(due.certificate().getNotAfter().toInstant().minus(Duration.ofDays(1)));
    notDue.current = new Credential(notDue.current.privateKey(), List.of(issuing.issue(
        "CN=sensor-2", KeyPairs.fromPrivateKey(notDue.current.privateKey()).getPublic(),
        b -> b.validity(clock.instant(), clock.instant().plus(Duration.ofDays(365))))));

    Map<String, ChildRenewalResult> pass = hub().renewAll(List.of(due, notDue));

    assertThat(pass.get("sensor-1")).isInstanceOf(ChildRenewalResult.Installed.class);
    assertThat(pass.get("sensor-2")).isInstanceOf(ChildRenewalResult.UpToDate.class);
    X509Certificate renewed = due.current.certificate();
    assertThat(renewed.getSubjectX500Principal().getName()).isEqualTo("CN=sensor-1");
    assertThat(renewed.getPublicKey()).isNotEqualTo(due.first.getPublicKey());
    assertThat(ChainValidator.builder().trustAnchor(root.root()).build()
        .validate(due.current.chain().stream().filter(c -> !c.equals(root.root())).toList())
        .isValid()).isTrue();
    assertThat(due.current.signer().publicKey()).isEqualTo(renewed.getPublicKey());
    assertThat(server.operations()).containsExactly("ir:accepted", "certConf:accepted");
  }

  @Test
  void aPendingRequestSurvivesAHubRestartAndIsPolledNotSentAgain() throws Exception {
    server = CmpServer.builder(issuing).sharedSecret(HUB, HUB_SECRET).manualApproval()
        .checkAfter(Duration.ofSeconds(1)).start();
    Child child = new Child("sensor-3");
    clock.set(child.certificate().getNotAfter().toInstant().minus(Duration.ofDays(1)));

    ChildRenewalResult first = hub().renew(child);
    assertThat(first).isInstanceOf(ChildRenewalResult.Pending.class);
    server.approveAll();
    clock.set(first.nextRun());

    ChildRenewalResult second = hub().renew(child); // a new hub over the same ledger

    assertThat(second).isInstanceOf(ChildRenewalResult.Installed.class);
    assertThat(server.issuedCertificates()).hasSize(1);
    assertThat(child.keysMade).isEqualTo(1);
    assertThat(server.operations()).filteredOn(op -> op.startsWith("ir")).hasSize(1);
  }

  @Test
  void anIssuedChainIsKeptForAChildOutOfReachAndInstalledLater() throws Exception {
    server = CmpServer.builder(issuing).sharedSecret(HUB, HUB_SECRET).start();
    Child child = new Child("sensor-4");
    clock.set(child.certificate().getNotAfter().toInstant().minus(Duration.ofDays(1)));
    child.refuseInstall = true;

    ChildRenewalResult lost = hub().renew(child);
    assertThat(lost).isInstanceOf(ChildRenewalResult.Failed.class);
    assertThat(((ChildRenewalResult.Failed) lost).cause()).isInstanceOf(IOException.class);
    child.refuseInstall = false;

    ChildRenewalResult delivered = hub().renew(child);

    assertThat(delivered).isInstanceOf(ChildRenewalResult.Installed.class);
    assertThat(server.issuedCertificates()).hasSize(1);
    assertThat(child.current.certificate()).isEqualTo(server.issuedCertificates().get(0));
  }

  @Test
  void aRefusalMakesTheChildDropItsPendingKey() throws Exception {
    server = CmpServer.builder(issuing).sharedSecret(HUB, "another-secret".toCharArray()).start();
    Child child = new Child("sensor-5");
    clock.set(child.certificate().getNotAfter().toInstant().minus(Duration.ofDays(1)));

    ChildRenewalResult refused = hub().renew(child);

    assertThat(refused).isInstanceOf(ChildRenewalResult.Rejected.class);
    assertThat(((ChildRenewalResult.Rejected) refused).code()).isNotBlank();
    assertThat(child.pending).isNull();
    assertThat(child.current.certificate()).isEqualTo(child.first);
  }

  private HubRenewal hub() throws IOException {
    CmpClient cmp = CmpClient.builder(server.uri()).sharedSecret(HUB, HUB_SECRET)
        .trustAnchors(List.of(root.root())).timeout(Duration.ofSeconds(5)).build();
    return HubRenewal.builder()
        .client(cmp, EnrollmentRequest.builder().subject("CN=template")
            .generateKey(KeyAlgorithm.EC_P256).build())
        .ledger(ledger).retryPolicy(RetryPolicy.noRetries()).clock(clock).build();
  }

  /** A child device with its keys in its own memory, reached over a link that can fail. */
  private final class Child implements ChildDevice {
    private final String id;
    final X509Certificate first;
    Credential current;
    KeyPair pending;
    int keysMade;
    boolean refuseInstall;

    Child(String id) {
      this.id = id;
      this.current = issuing.issue("CN=" + id);
      this.first = current.certificate();
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public X509Certificate certificate() {
      return current.certificate();
    }

    @Override
    public Signer pendingKey(KeyAlgorithm algorithm) {
      if (pending == null) {
        pending = KeyPairs.generate(algorithm);
        keysMade++;
      }
      return Signer.of(pending);
    }

    @Override
    public void install(List<X509Certificate> chain) throws IOException {
      if (refuseInstall) {
        throw new IOException("the child is asleep");
      }
      List<X509Certificate> copy = new ArrayList<>(chain);
      current = new Credential(pending.getPrivate(), copy);
      pending = null;
    }

    @Override
    public void discard() {
      pending = null;
    }
  }
}
