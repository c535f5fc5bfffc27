// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Duration;
import java.util.Objects;
import org.iotpki.core.internal.Durations;

/**
 * How the devices of a fleet decide when to renew and when to try again. A waking device can only
 * act at a wake, so every time below means "at the first wake at or after it" for those.
 *
 * <ul>
 *   <li>{@link Naive}: every device renews at the same fraction of its lifetime and retries at a
 *       fixed interval, ignoring Retry-After. What firmware often does; it stampedes the CA when
 *       certificates share a notBefore.
 *   <li>{@link Jittered}: each renewal at a uniformly random point of a window of the lifetime;
 *       retries back off exponentially with full jitter, and never sooner than the CA's
 *       Retry-After.
 *   <li>{@link Batched}: a {@link FleetPlanner} gives each certificate, when it is issued, a
 *       renewal window that keeps the planned load under a fraction of the CA's capacity (as ACME
 *       Renewal Information, RFC 9773, lets a CA do); retries as {@link Jittered}.
 * </ul>
 */
public sealed interface RenewalStrategy
    permits RenewalStrategy.Naive, RenewalStrategy.Jittered, RenewalStrategy.Batched {

  /** A short lower-case name for reports: {@code naive}, {@code jittered}, {@code batched}. */
  String name();

  /** Renew at 2/3 of the lifetime; retry every hour. */
  static Naive naive() {
    return new Naive(2.0 / 3, Duration.ofHours(1));
  }

  /** Renew between 50% and 80% of the lifetime; retry with {@link RetryBackoff#defaults()}. */
  static Jittered jittered() {
    return new Jittered(new LifetimeWindow(0.5, 0.8), RetryBackoff.defaults());
  }

  /**
   * Planned between 50% and 80% of the lifetime at no more than half of the CA's capacity; retry
   * with {@link RetryBackoff#defaults()}.
   */
  static Batched batched() {
    return new Batched(new LifetimeWindow(0.5, 0.8), 0.5, RetryBackoff.defaults());
  }

  /**
   * Renew at exactly {@code renewAt} of the lifetime; after any failure try again {@code
   * retryInterval} later, without jitter and whatever the CA's Retry-After says.
   *
   * @param renewAt the fraction of the lifetime, in (0, 1)
   * @param retryInterval whole seconds
   */
  record Naive(double renewAt, Duration retryInterval) implements RenewalStrategy {
    /** Validates the parameters. */
    public Naive {
      if (!(renewAt > 0 && renewAt < 1)) {
        throw new IllegalArgumentException("renewAt must be in (0, 1): " + renewAt);
      }
      Durations.positiveSeconds(retryInterval, "retry interval");
    }

    @Override
    public String name() {
      return "naive";
    }
  }

  /**
   * Renew at a uniformly random point of {@code window}; retry after {@code backoff} with full
   * jitter, after a refusal no sooner than the Retry-After.
   */
  record Jittered(LifetimeWindow window, RetryBackoff backoff) implements RenewalStrategy {
    /** Validates the parameters. */
    public Jittered {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(backoff, "backoff");
    }

    @Override
    public String name() {
      return "jittered";
    }
  }

  /**
   * Renew in the window a {@link FleetPlanner} assigns inside {@code window}, planning at most
   * {@code targetUtilization} of the CA's capacity; retry as {@link Jittered}.
   *
   * @param targetUtilization in (0, 1]
   */
  record Batched(LifetimeWindow window, double targetUtilization, RetryBackoff backoff)
      implements RenewalStrategy {
    /** Validates the parameters. */
    public Batched {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(backoff, "backoff");
      if (!(targetUtilization > 0 && targetUtilization <= 1)) {
        throw new IllegalArgumentException("target utilization must be in (0, 1]: " + targetUtilization);
      }
    }

    @Override
    public String name() {
      return "batched";
    }
  }
}
