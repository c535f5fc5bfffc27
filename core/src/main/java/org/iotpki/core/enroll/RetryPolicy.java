// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongUnaryOperator;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.internal.Backoff;
import org.iotpki.core.internal.Durations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives an enrollment to a final outcome: retries transport failures that are safe and worth
 * retrying, and polls pending enrollments, within a number of attempts and a deadline.
 *
 * <p>Waits honour the server's Retry-After (never sooner) and otherwise back off exponentially,
 * capped, with full jitter (a uniform wait between zero and the backoff), so that a fleet that
 * failed together does not come back together. When the attempts or the deadline run out while the
 * server still says "pending", the {@link EnrollmentOutcome.Pending} is returned for the caller to
 * persist; a transport failure is rethrown.
 *
 * <pre>{@code
 * EnrollmentOutcome outcome = RetryPolicy.defaults().enroll(client, request);
 * }</pre>
 */
public final class RetryPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);
  private static final SecureRandom JITTER = new SecureRandom();

  private final int maxAttempts;
  private final Duration deadline;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Clock clock;
  private final Sleeper sleeper;
  private final LongUnaryOperator random;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.deadline = builder.deadline;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.random = builder.random;
  }

  /** Six attempts within ten minutes, backoff from 2 seconds up to 2 minutes. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** One attempt: no retries, no polling. */
  public static RetryPolicy noRetries() {
    return builder().maxAttempts(1).build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@link EnrollmentClient#enroll}, retried and polled. */
  public EnrollmentOutcome enroll(EnrollmentClient client, EnrollmentRequest request)
      throws EnrollmentTransportException {
    return run(() -> client.enroll(request), pending -> client.poll(pending), 1);
  }

  /** {@link EnrollmentClient#renew}, retried and polled. */
  public EnrollmentOutcome renew(
      EnrollmentClient client, Credential current, EnrollmentRequest request)
      throws EnrollmentTransportException {
    return run(
        () -> client.renew(current, request), pending -> client.poll(pending, current), 1);
  }

  /**
   * Resumes a persisted pending enrollment: waits for its retry time (if the deadline allows; if
   * not, returns it as it is), then polls, retried and polled.
   */
  public EnrollmentOutcome resume(EnrollmentClient client, PendingEnrollment pending)
      throws EnrollmentTransportException {
    return run(() -> new EnrollmentOutcome.Pending(pending), client::poll, 0);
  }

  /** Resumes a persisted pending renewal of {@code current}, as {@link #resume} does. */
  public EnrollmentOutcome resume(
      EnrollmentClient client, PendingEnrollment pending, Credential current)
      throws EnrollmentTransportException {
    return run(
        () -> new EnrollmentOutcome.Pending(pending), next -> client.poll(next, current), 0);
  }

  /**
   * Resumes a persisted pending first enrollment made with the caller's {@code requestKey}, as
   * {@link #resume} does.
   */
  public EnrollmentOutcome resume(
      EnrollmentClient client, PendingEnrollment pending, EnrollmentKey.Existing requestKey)
      throws EnrollmentTransportException {
    return run(
        () -> new EnrollmentOutcome.Pending(pending), next -> client.poll(next, requestKey), 0);
  }

  /**
   * The wait before retry number {@code retry} (1 for the first retry) when the server named no
   * time: uniform in [0, min(maxBackoff, initialBackoff * 2^(retry-1))].
   */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1: " + retry);
    }
    long ceiling = Backoff.ceiling(initialBackoff.toMillis(), maxBackoff.toMillis(), retry);
    return Duration.ofMillis(random.applyAsLong(ceiling + 1));
  }

  /**
   * @param firstAttempt 1 when {@code first} calls the server, 0 when it only replays a persisted
   *     outcome (which spends no attempt)
   */
  private EnrollmentOutcome run(Call first, Poll poll, int firstAttempt)
      throws EnrollmentTransportException {
    Instant giveUpAt = clock.instant().plus(deadline);
    Call call = first;
    for (int attempt = firstAttempt; ; attempt++) {
      EnrollmentOutcome outcome;
      try {
        outcome = call.run();
      } catch (EnrollmentTransportException e) {
        Duration wait = e.retryAfter().orElse(Duration.ZERO);
        wait = wait.compareTo(Duration.ZERO) > 0 ? wait : backoff(attempt);
        if (!e.worthRetrying() || attempt >= maxAttempts || !fits(wait, giveUpAt)) {
          throw e;
        }
        LOG.info("enrollment attempt {} failed ({}); retrying in {}", attempt, e.failure(), wait);
        sleep(wait);
        continue;
      }
      if (!(outcome instanceof EnrollmentOutcome.Pending pending)) {
        return outcome;
      }
      Duration untilRetryAt =
          max(Duration.between(clock.instant(), pending.enrollment().retryAt()), Duration.ZERO);
      Duration wait = attempt == 0 ? untilRetryAt : max(untilRetryAt, backoff(attempt));
      if (attempt >= maxAttempts || !fits(wait, giveUpAt)) {
        return outcome;
      }
      LOG.info("enrollment {} pending; asking again in {}",
          pending.enrollment().transactionId(), wait);
      sleep(wait);
      call = () -> poll.run(pending.enrollment());
    }
  }

  private boolean fits(Duration wait, Instant giveUpAt) {
    return !clock.instant().plus(wait).isAfter(giveUpAt);
  }

  private void sleep(Duration wait) throws EnrollmentTransportException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnrollmentTransportException(
          EnrollmentTransportException.Failure.INTERRUPTED, true, "interrupted while waiting", e);
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @FunctionalInterface
  private interface Call {
    EnrollmentOutcome run() throws EnrollmentTransportException;
  }

  @FunctionalInterface
  private interface Poll {
    EnrollmentOutcome run(PendingEnrollment pending) throws EnrollmentTransportException;
  }

  /** Configures a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 6;
    private Duration deadline = Duration.ofMinutes(10);
    private Duration initialBackoff = Duration.ofSeconds(2);
    private Duration maxBackoff = Duration.ofMinutes(2);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private LongUnaryOperator random = JITTER::nextLong;

    private Builder() {}

    /** The most calls in all (first call, retries and polls), at least 1. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** How long after the first call no wait may end. */
    public Builder deadline(Duration deadline) {
      this.deadline = Durations.positive(deadline, "deadline");
      return this;
    }

    /** The backoff ceiling of the first retry; it doubles with each retry up to the maximum. */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = Durations.positive(initial, "initial backoff");
      this.maxBackoff = Durations.positive(max, "max backoff");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max backoff below the initial backoff");
      }
      return this;
    }

    /** The clock deadlines and Retry-After times are read from. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** What waits; tests pass one that advances a fake clock. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The source of jitter: given a bound, a uniform long in [0, bound). Defaults to {@link
     * SecureRandom}; tests pass a fixed one.
     */
    public Builder jitter(LongUnaryOperator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The policy. */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
