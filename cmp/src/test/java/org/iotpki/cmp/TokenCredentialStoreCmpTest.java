// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.RetryPolicy;
import org.iotpki.core.keys.TokenKeys;
import org.iotpki.core.lifecycle.FileCredentialStore;
import org.iotpki.core.lifecycle.RenewalAgent;
import org.iotpki.core.lifecycle.RenewalResult;
import org.iotpki.core.testing.MutableClock;
import org.iotpki.core.testing.SoftHsm;
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.testkit.CmpServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renewal agent whose credential store keeps its keys in a real PKCS#11 token (SoftHSM2
 * through SunPKCS11): bootstrap with a CMP ir, renewal with a kur signed by the token key,
 * against the testkit CMP server.
 */
class TokenCredentialStoreCmpTest {
  private static final String REFERENCE = "factory";
  private static final char[] SECRET = "factory-secret".toCharArray();
  private static final EnrollmentRequest REQUEST = EnrollmentRequest.builder()
      .subject("CN=sensor-0042").generateKey(KeyAlgorithm.EC_P256).build();

  @TempDir Path directory;
  private final String prefix = "agent-" + UUID.randomUUID();
  private final MutableClock clock = new MutableClock(Instant.now());
  private TestCa root;
  private CmpServer server;
  private TokenKeys token;

  @BeforeEach
  void start() throws Exception {
    root = TestCa.create();
    server = CmpServer.builder(root.intermediate("CN=Test CMP CA"))
        .sharedSecret(REFERENCE, SECRET).start();
    token = SoftHsm.token().open();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void bootstrapsAndRenewsWithKeysThatNeverLeaveTheToken() throws Exception {
    Credential first;
    try (FileCredentialStore store = openStore()) {
      RenewalResult bootstrap = agent(store).runOnce();

      assertThat(bootstrap).isInstanceOf(RenewalResult.Issued.class);
      first = store.current().orElseThrow();
      assertThat(first.privateKey().getEncoded()).as("a token key is not exportable").isNull();
      assertThat(ownLabels()).containsExactly(prefix + "-1");

      clock.set(first.certificate().getNotAfter().toInstant().minus(Duration.ofHours(1)));
      RenewalResult renewal = agent(store).runOnce();

      assertThat(renewal).isInstanceOf(RenewalResult.Issued.class);
      assertThat(server.operations())
          .containsExactly("ir:accepted", "certConf:accepted", "kur:accepted", "certConf:accepted");
    }
    try (FileCredentialStore reopened = openStore()) {
      Credential renewed = reopened.current().orElseThrow();
      assertThat(renewed.privateKey().getEncoded()).isNull();
      assertThat(renewed.certificate().getPublicKey())
          .isNotEqualTo(first.certificate().getPublicKey());
      assertThat(ChainValidator.builder().trustAnchor(root.root()).build()
          .validate(renewed.chain().stream().filter(c -> !c.equals(root.root())).toList())
          .isValid()).isTrue();
      assertThat(renewed.signer().publicKey()).isEqualTo(renewed.certificate().getPublicKey());
      assertThat(reopened.previous()).isEmpty();
    }
    assertThat(ownLabels()).as("the replaced key is destroyed once the new one is confirmed")
        .containsExactly(prefix + "-2");
  }

  @Test
  void aKeyMadeBeforeACrashAndNeverRecordedIsDestroyedOnOpen() throws Exception {
    token.generate(prefix + "-1", KeyAlgorithm.EC_P256); // made, then the power went
    String someoneElses = "other-" + UUID.randomUUID() + "-1";
    token.generate(someoneElses, KeyAlgorithm.EC_P256);

    try (FileCredentialStore store = openStore()) {
      assertThat(store.current()).isEmpty();
      assertThat(ownLabels()).isEmpty();
      assertThat(token.labels()).contains(someoneElses);
    }
  }

  @Test
  void anInFlightKeySurvivesARestartAndIsTheOneRequested() throws Exception {
    try (FileCredentialStore store = openStore()) {
      store.begin(KeyAlgorithm.EC_P256);
    }
    try (FileCredentialStore store = openStore()) {
      var inFlight = store.inFlight().orElseThrow();
      assertThat(agent(store).runOnce()).isInstanceOf(RenewalResult.Issued.class);
      assertThat(store.current().orElseThrow().certificate().getPublicKey())
          .isEqualTo(inFlight.keyPair().getPublic());
      assertThat(server.issuedCertificates()).hasSize(1);
    }
  }

  @Test
  void refusesKeysItDidNotMakeOnTheToken() throws Exception {
    try (FileCredentialStore store = openStore()) {
      assertThatThrownBy(() -> store.begin(KeyPairs.generate(KeyAlgorithm.EC_P256).getPrivate()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("made in");
      var software = KeyPairs.generate(KeyAlgorithm.EC_P256);
      store.begin(KeyAlgorithm.EC_P256);
      Credential foreign = new Credential(software.getPrivate(),
          List.of(root.issue("CN=foreign", software.getPublic(), b -> b)));
      assertThatThrownBy(() -> store.stage(foreign))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in flight");
    }
  }

  private FileCredentialStore openStore() throws Exception {
    return FileCredentialStore.openWithTokenKeys(directory, token, prefix);
  }

  private RenewalAgent agent(FileCredentialStore store) {
    CmpClient bootstrap = CmpClient.builder(server.uri()).sharedSecret(REFERENCE, SECRET)
        .trustAnchors(List.of(root.root())).timeout(Duration.ofSeconds(5)).build();
    CmpClient renewal = CmpClient.builder(server.uri())
        .trustAnchors(List.of(root.root())).timeout(Duration.ofSeconds(5)).build();
    return RenewalAgent.builder().store(store).bootstrap(bootstrap, REQUEST)
        .renewal(renewal, REQUEST).retryPolicy(RetryPolicy.noRetries()).clock(clock).build();
  }

  private List<String> ownLabels() throws Exception {
    return token.labels().stream().filter(label -> label.startsWith(prefix + "-")).toList();
  }
}
