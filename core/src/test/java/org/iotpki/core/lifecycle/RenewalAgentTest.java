// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.RetryPolicy;
import org.iotpki.core.lifecycle.FakeCa.Answer;
import org.iotpki.core.lifecycle.RenewalEvent.Type;
import org.iotpki.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenewalAgentTest {
  private static final Duration LIFETIME = Duration.ofDays(90);
  private static final EnrollmentRequest REQUEST = EnrollmentRequest.builder()
      .subject("CN=device").generateKey(KeyAlgorithm.EC_P256).build();

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T00:00:00Z"));
  private final List<RenewalEvent> events = new ArrayList<>();
  private FakeCa bootstrapCa;
  private FakeCa renewalCa;
  private FileCredentialStore store;
  private CredentialCheck check = credential -> true;

  @BeforeEach
  void setUp() throws Exception {
    bootstrapCa = new FakeCa(clock, LIFETIME);
    renewalCa = new FakeCa(clock, LIFETIME);
    store = FileCredentialStore.open(directory);
  }

  @AfterEach
  void closeStore() throws IOException {
    store.close();
  }

  @Test
  void bootstrapsThenStaysUpToDateUntilTheScheduleSaysRenew() throws IOException {
    RenewalResult first = agent().runOnce();
    assertThat(first).isInstanceOf(RenewalResult.Issued.class);
    assertThat(((RenewalResult.Issued) first).firstEnrollment()).isTrue();
    assertThat(bootstrapCa.calls).containsExactly("enroll");
    var certificate = store.current().orElseThrow().certificate();
    RenewalWindow window = RenewalSchedule.defaults().window(certificate);
    assertThat(window.contains(first.nextRun())).isTrue();
    assertThat(types()).containsExactly(Type.BOOTSTRAP_STARTED, Type.ISSUED, Type.ACTIVATED,
        Type.CONFIRMED);

    clock.set(first.nextRun().minusSeconds(1));
    RenewalResult early = agent().runOnce();
    assertThat(early).isInstanceOf(RenewalResult.UpToDate.class);
    assertThat(early.nextRun()).isEqualTo(first.nextRun()); // the same point after a restart

    clock.set(first.nextRun());
    RenewalResult renewed = agent().runOnce();
    assertThat(renewed).isInstanceOf(RenewalResult.Issued.class);
    assertThat(((RenewalResult.Issued) renewed).firstEnrollment()).isFalse();
    assertThat(renewalCa.calls).containsExactly("renew");
    assertThat(renewalCa.renewedWith.get(0).certificate()).isEqualTo(certificate);
    assertThat(store.current().orElseThrow().certificate()).isEqualTo(renewalCa.issued.get(0));
    assertThat(store.previous()).isEmpty();
    assertThat(renewalCa.requestedKeys.get(0)).isNotEqualTo(certificate.getPublicKey());
  }

  @Test
  void aPendingAnswerIsPolledAfterARestartNotEnrolledAgain() throws IOException {
    bootstrapCa.answer(Answer.PENDING);
    RenewalResult pending = agent().runOnce();
    assertThat(pending).isInstanceOf(RenewalResult.Pending.class);
    assertThat(store.inFlight().orElseThrow().pending()).isPresent();

    store.close();
    store = FileCredentialStore.open(directory); // the device restarts
    assertThat(agent().runOnce()).isEqualTo(pending); // not asked again before its retry time
    assertThat(bootstrapCa.calls).containsExactly("enroll");

    clock.set(pending.nextRun());
    RenewalResult issued = agent().runOnce();

    assertThat(issued).isInstanceOf(RenewalResult.Issued.class);
    assertThat(bootstrapCa.calls).containsExactly("enroll", "poll");
    assertThat(store.current().orElseThrow().certificate().getPublicKey())
        .isEqualTo(bootstrapCa.requestedKeys.get(0));
    assertThat(store.inFlight()).isEmpty();
  }

  @Test
  void anUnreachableCaGetsTheSameRequestWithTheSameKeyNextTime() throws IOException {
    bootstrapCa.answer(Answer.UNREACHABLE);
    RenewalResult failed = agent().runOnce();
    assertThat(failed).isInstanceOf(RenewalResult.Failed.class);
    assertThat(failed.nextRun()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    assertThat(((RenewalResult.Failed) failed).cause().failure())
        .isEqualTo(EnrollmentTransportException.Failure.CONNECT);

    RenewalResult issued = agent().runOnce();
    assertThat(issued).isInstanceOf(RenewalResult.Issued.class);
    assertThat(bootstrapCa.requestedKeys).hasSize(2);
    assertThat(bootstrapCa.requestedKeys.get(1)).isEqualTo(bootstrapCa.requestedKeys.get(0));
  }

  @Test
  void aRefusalDropsTheKeyAndTheNextPassStartsOver() throws IOException {
    bootstrapCa.answer(Answer.REJECT);
    RenewalResult rejected = agent().runOnce();
    assertThat(rejected).isInstanceOfSatisfying(RenewalResult.Rejected.class,
        r -> assertThat(r.code()).isEqualTo("badRequest"));
    assertThat(store.inFlight()).isEmpty();

    agent().runOnce();
    assertThat(bootstrapCa.requestedKeys.get(1)).isNotEqualTo(bootstrapCa.requestedKeys.get(0));
  }

  @Test
  void aRefusedNewCredentialIsRolledBack() throws IOException {
    RenewalResult first = agent().runOnce();
    var original = store.current().orElseThrow().certificate();
    check = credential -> credential.certificate().equals(original);
    clock.set(first.nextRun());

    RenewalResult result = agent().runOnce();

    assertThat(result).isInstanceOfSatisfying(RenewalResult.Rejected.class,
        r -> assertThat(r.code()).isEqualTo("check-failed"));
    assertThat(store.current().orElseThrow().certificate()).isEqualTo(original);
    assertThat(types()).endsWith(Type.ACTIVATED, Type.ROLLED_BACK);
  }

  @Test
  void anUncheckableNewCredentialKeepsThePreviousUntilTheNextPass() throws IOException {
    RenewalResult first = agent().runOnce();
    var original = store.current().orElseThrow().certificate();
    check = credential -> {
      throw new IOException("service unreachable");
    };
    clock.set(first.nextRun());
    agent().runOnce();
    assertThat(store.previous().orElseThrow().certificate()).isEqualTo(original);

    check = credential -> true;
    agent().runOnce();
    assertThat(store.previous()).isEmpty();
    assertThat(store.current().orElseThrow().certificate()).isEqualTo(renewalCa.issued.get(0));
  }

  @Test
  void aCredentialStagedBeforeACrashIsActivatedOnTheNextPass() throws Exception {
    agent().runOnce();
    var next = new FakeCa(clock, LIFETIME);
    next.answer(Answer.ISSUE);
    var keyPair = org.iotpki.core.crypto.KeyPairs.generate(KeyAlgorithm.EC_P256);
    var issued = (org.iotpki.core.enroll.EnrollmentOutcome.Issued)
        next.enroll(REQUEST.withKey(org.iotpki.core.enroll.EnrollmentKey.Existing.of(keyPair)));
    store.stage(issued.credential(keyPair.getPrivate()));

    RenewalResult result = agent().runOnce();

    assertThat(result).isInstanceOf(RenewalResult.UpToDate.class);
    assertThat(store.current().orElseThrow().certificate()).isEqualTo(issued.certificate());
    assertThat(types()).contains(Type.ACTIVATED, Type.CONFIRMED);
  }

  @Test
  void anExpiredCredentialIsReplacedThroughTheBootstrapClient() throws IOException {
    agent().runOnce();
    clock.advance(LIFETIME.plusDays(1));
    agent().runOnce();
    assertThat(bootstrapCa.calls).containsExactly("enroll", "enroll");
    assertThat(renewalCa.calls).isEmpty();
  }

  @Test
  void aFirmwareCoupledPassRenewsNowWhenTheRenewalTimeFallsBeforeItsNextChance()
      throws IOException {
    RenewalResult issued = agent().runOnce();
    Instant renewAt = issued.nextRun();
    clock.set(renewAt.minus(Duration.ofDays(20)));

    RenewalResult beforeNextUpdate = agent().runBefore(renewAt.minus(Duration.ofDays(1)));
    assertThat(beforeNextUpdate).isInstanceOf(RenewalResult.UpToDate.class);
    assertThat(renewalCa.calls).isEmpty();

    RenewalResult lastChance = agent().runBefore(renewAt.plus(Duration.ofDays(10)));
    assertThat(lastChance).isInstanceOf(RenewalResult.Issued.class);
    assertThat(renewalCa.calls).containsExactly("renew");
  }

  @Test
  void theCasSuggestedWindowWinsOverTheSchedule() throws IOException {
    agent().runOnce();
    Instant start = clock.instant().plus(Duration.ofDays(1));
    RenewalWindow suggested = new RenewalWindow(start, start.plus(Duration.ofHours(2)));
    RenewalResult result = builder().renewalInfo(c -> Optional.of(suggested)).build().runOnce();
    assertThat(suggested.contains(result.nextRun())).isTrue();
  }

  @Test
  void withoutACredentialOrABootstrapClientThereIsNothingToRenew() {
    RenewalAgent agent = RenewalAgent.builder().store(store).renewal(renewalCa, REQUEST).build();
    assertThatThrownBy(agent::runOnce).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no bootstrap client");
  }

  @Test
  void theBuilderNamesWhatIsMissingOrWrong() {
    assertThatThrownBy(() -> RenewalAgent.builder().renewal(renewalCa, REQUEST).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store");
    assertThatThrownBy(() -> RenewalAgent.builder().store(store).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renewal client");
    var fixedKey = REQUEST.toBuilder()
        .key(org.iotpki.core.crypto.KeyPairs.generate(KeyAlgorithm.EC_P256)).build();
    assertThatThrownBy(() -> RenewalAgent.builder().renewal(renewalCa, fixedKey))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Generate");
    assertThatThrownBy(() -> RenewalAgent.builder().retryInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private RenewalAgent agent() {
    return builder().build();
  }

  private RenewalAgent.Builder builder() {
    return RenewalAgent.builder()
        .store(store)
        .bootstrap(bootstrapCa, REQUEST)
        .renewal(renewalCa, REQUEST)
        .retryPolicy(RetryPolicy.noRetries())
        .check(credential -> check.accepted(credential))
        .listener(events::add)
        .clock(clock);
  }

  private List<Type> types() {
    return events.stream().map(RenewalEvent::type).toList();
  }
}
