// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentTransportException.Failure;
import org.iotpki.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T00:00:00Z"));
  private final List<Duration> waits = new ArrayList<>();
  private final EnrollmentRequest request =
      EnrollmentRequest.builder().subject("CN=d").generateKey(KeyAlgorithm.EC_P256).build();

  /** Jitter that always picks the top of the range, so the waits are the backoff ceilings. */
  private RetryPolicy.Builder policy() {
    return RetryPolicy.builder()
        .clock(clock)
        .sleeper(duration -> {
          waits.add(duration);
          clock.advance(duration);
        })
        .jitter(bound -> bound - 1)
        .backoff(Duration.ofSeconds(1), Duration.ofSeconds(8));
  }

  @Test
  void backoffDoublesUpToItsCapWithFullJitter() {
    RetryPolicy top = policy().build();
    assertThat(List.of(top.backoff(1), top.backoff(2), top.backoff(3), top.backoff(4),
            top.backoff(5), top.backoff(30)))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8));
    RetryPolicy bottom = policy().jitter(bound -> 0).build();
    assertThat(bottom.backoff(4)).isEqualTo(Duration.ZERO);
  }

  @Test
  void retriesTransientFailuresThenReturnsTheOutcome() throws Exception {
    EnrollmentOutcome issued = new EnrollmentOutcome.Rejected("403", "no");
    Scripted client = new Scripted(
        transport(Failure.TIMEOUT, true, null), transport(Failure.CONNECT, true, null), issued);

    assertThat(policy().build().enroll(client, request)).isSameAs(issued);
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void honoursTheServersRetryAfterOnUnavailable() throws Exception {
    EnrollmentOutcome done = new EnrollmentOutcome.Rejected("400", "");
    Scripted client =
        new Scripted(transport(Failure.UNAVAILABLE, true, Duration.ofSeconds(30)), done);

    policy().build().enroll(client, request);

    assertThat(waits).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void doesNotRetryWhatIsUnsafeOrPointless() {
    for (EnrollmentTransportException failure :
        List.of(transport(Failure.TIMEOUT, false, null), transport(Failure.TLS, true, null),
            transport(Failure.MALFORMED_RESPONSE, true, null))) {
      Scripted client = new Scripted(failure);
      assertThatThrownBy(() -> policy().build().enroll(client, request)).isSameAs(failure);
    }
    assertThat(waits).isEmpty();
  }

  @Test
  void pollsPendingNoSoonerThanRetryAfter() throws Exception {
    EnrollmentOutcome issued = new EnrollmentOutcome.Rejected("done", "");
    Scripted client = new Scripted(pendingFor(Duration.ofSeconds(20)), issued);

    assertThat(policy().build().enroll(client, request)).isSameAs(issued);
    assertThat(waits).containsExactly(Duration.ofSeconds(20));
    assertThat(client.polls).isEqualTo(1);
  }

  @Test
  void waitsTheBackoffWhenRetryAfterIsShorter() throws Exception {
    Scripted client = new Scripted(pendingFor(Duration.ZERO), pendingFor(Duration.ZERO),
        new EnrollmentOutcome.Rejected("done", ""));

    policy().build().enroll(client, request);

    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void resumingWaitsForThePersistedRetryTimeThenPolls() throws Exception {
    EnrollmentOutcome issued = new EnrollmentOutcome.Rejected("done", "");
    Scripted client = new Scripted(issued);
    PendingEnrollment persisted = ((EnrollmentOutcome.Pending) pendingFor(Duration.ofSeconds(45)))
        .enrollment();

    assertThat(policy().build().resume(client, persisted)).isSameAs(issued);
    assertThat(waits).containsExactly(Duration.ofSeconds(45));
    assertThat(client.polls).isEqualTo(1);
  }

  @Test
  void resumingAfterTheRetryTimePollsAtOnce() throws Exception {
    Scripted client = new Scripted(new EnrollmentOutcome.Rejected("done", ""));
    PendingEnrollment overdue = ((EnrollmentOutcome.Pending) pendingFor(Duration.ofSeconds(-60)))
        .enrollment();

    policy().build().resume(client, overdue);

    assertThat(waits).containsExactly(Duration.ZERO);
  }

  @Test
  void returnsPendingWhenTheDeadlineWouldPass() throws Exception {
    EnrollmentOutcome pending = pendingFor(Duration.ofHours(1));
    Scripted client = new Scripted(pending);

    assertThat(policy().deadline(Duration.ofMinutes(10)).build().enroll(client, request))
        .isSameAs(pending);
    assertThat(waits).isEmpty();
  }

  @Test
  void stopsAfterMaxAttempts() {
    EnrollmentTransportException last = transport(Failure.TIMEOUT, true, null);
    Scripted client = new Scripted(
        transport(Failure.TIMEOUT, true, null), transport(Failure.TIMEOUT, true, null), last);

    assertThatThrownBy(() -> policy().maxAttempts(3).build().enroll(client, request))
        .isSameAs(last);
    assertThat(waits).hasSize(2);
  }

  @Test
  void interruptionEndsTheWait() {
    RetryPolicy interrupted = policy().sleeper(d -> {
      throw new InterruptedException();
    }).build();
    Scripted client = new Scripted(transport(Failure.TIMEOUT, true, null));

    assertThatThrownBy(() -> interrupted.enroll(client, request))
        .isInstanceOfSatisfying(EnrollmentTransportException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED));
    assertThat(Thread.interrupted()).isTrue();
  }

  private EnrollmentOutcome pendingFor(Duration wait) {
    return new EnrollmentOutcome.Pending(
        new PendingEnrollment("test", "tx", clock.instant().plus(wait), Map.of()));
  }

  private static EnrollmentTransportException transport(
      Failure failure, boolean safe, Duration retryAfter) {
    return new EnrollmentTransportException(failure, safe, retryAfter, "scripted", null);
  }

  /** Plays back outcomes and failures, one per call, whichever method is called. */
  private static final class Scripted implements EnrollmentClient {
    private final Deque<Object> script;
    int polls;

    Scripted(Object... steps) {
      this.script = new ArrayDeque<>(List.of(steps));
    }

    private EnrollmentOutcome next() throws EnrollmentTransportException {
      Object step = script.removeFirst();
      if (step instanceof EnrollmentTransportException e) {
        throw e;
      }
      return (EnrollmentOutcome) step;
    }

    @Override
    public List<X509Certificate> caCertificates() {
      throw new UnsupportedOperationException();
    }

    @Override
    public EnrollmentOutcome enroll(EnrollmentRequest request) throws EnrollmentTransportException {
      return next();
    }

    @Override
    public EnrollmentOutcome renew(Credential current, EnrollmentRequest request)
        throws EnrollmentTransportException {
      return next();
    }

    @Override
    public EnrollmentOutcome poll(PendingEnrollment pending) throws EnrollmentTransportException {
      polls++;
      return next();
    }

    @Override
    public EnrollmentOutcome poll(PendingEnrollment pending, Credential current)
        throws EnrollmentTransportException {
      polls++;
      return next();
    }
  }
}
