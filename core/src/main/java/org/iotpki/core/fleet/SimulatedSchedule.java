// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A {@link RenewalStrategy} as the simulation runs it: the second at which a device wants to ask,
 * which the simulation then moves to the device's next wake. Times are seconds from the start of
 * provisioning; nothing here allocates.
 */
abstract class SimulatedSchedule {

  static SimulatedSchedule of(RenewalStrategy strategy, FleetSpec spec, Fleet fleet, SplittableRandom random) {
    if (strategy instanceof RenewalStrategy.Naive naive) {
      return new Naive(naive);
    }
    if (strategy instanceof RenewalStrategy.Jittered jittered) {
      return new Jittered(jittered.window(), jittered.backoff(), random);
    }
    RenewalStrategy.Batched batched = (RenewalStrategy.Batched) strategy;
    FleetPlanner planner = FleetPlanner.builder()
        .caCapacity(spec.caCapacity())
        .targetUtilization(batched.targetUtilization())
        .window(batched.window())
        // A lifetime past the horizon, so that no window is cut off where the simulation stops.
        .horizon(Instant.EPOCH, Instant.EPOCH.plus(spec.horizon()).plus(spec.certificateLifetime()))
        .seed(spec.seed())
        .build();
    return new Planned(planner, fleet, batched.backoff(), random);
  }

  /** When {@code device}, holding a certificate valid from {@code notBefore} to {@code notAfter}, first asks to renew it. */
  abstract long firstAttempt(int device, long notBefore, long notAfter);

  /**
   * When a device asks again after its attempt at {@code now} failed; {@code retry} counts from 1,
   * {@code retryAfter} is the CA's Retry-After in seconds, 0 when the link lost the attempt.
   */
  abstract long retry(long now, int retry, long retryAfter);

  /**
   * Whether {@link #retry} depends on {@code now} only, so that the devices of one profile that
   * fail in the same second all come back in the same second, as a herd.
   */
  abstract boolean synchronizedRetries();

  /** Fixed point of the lifetime; fixed retry interval; Retry-After ignored. */
  private static final class Naive extends SimulatedSchedule {
    private final LifetimeWindow renewAt;
    private final long retryInterval;

    Naive(RenewalStrategy.Naive strategy) {
      this.renewAt = LifetimeWindow.at(strategy.renewAt());
      this.retryInterval = strategy.retryInterval().getSeconds();
    }

    @Override
    long firstAttempt(int device, long notBefore, long notAfter) {
      return renewAt.startSecond(notBefore, notAfter);
    }

    @Override
    long retry(long now, int retry, long retryAfter) {
      return now + retryInterval;
    }

    @Override
    boolean synchronizedRetries() {
      return true;
    }
  }

  /** Retries after full-jitter backoff, never sooner than the Retry-After. */
  private abstract static class BackingOff extends SimulatedSchedule {
    final SplittableRandom random;
    private final RetryBackoff backoff;

    BackingOff(RetryBackoff backoff, SplittableRandom random) {
      this.backoff = backoff;
      this.random = random;
    }

    @Override
    final long retry(long now, int retry, long retryAfter) {
      return now + retryAfter + random.nextLong(backoff.ceilingSeconds(retry) + 1);
    }

    @Override
    final boolean synchronizedRetries() {
      return false;
    }
  }

  /** A uniformly random second of the lifetime window. */
  private static final class Jittered extends BackingOff {
    private final LifetimeWindow window;

    Jittered(LifetimeWindow window, RetryBackoff backoff, SplittableRandom random) {
      super(backoff, random);
      this.window = window;
    }

    @Override
    long firstAttempt(int device, long notBefore, long notAfter) {
      long start = window.startSecond(notBefore, notAfter);
      return start + random.nextLong(window.endSecond(notBefore, notAfter) - start + 1);
    }
  }

  /** The window a {@link FleetPlanner} books when the certificate is issued. */
  private static final class Planned extends BackingOff {
    private final FleetPlanner planner;
    private final Fleet fleet;

    Planned(FleetPlanner planner, Fleet fleet, RetryBackoff backoff, SplittableRandom random) {
      super(backoff, random);
      this.planner = planner;
      this.fleet = fleet;
    }

    @Override
    long firstAttempt(int device, long notBefore, long notAfter) {
      return planner.book(notBefore, notAfter, fleet.wakeInterval[fleet.profile[device]]);
    }
  }
}
