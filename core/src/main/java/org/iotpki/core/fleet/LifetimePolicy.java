// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Duration;
import java.util.Objects;
import org.iotpki.core.internal.Durations;

/**
 * Chooses how long a device's certificates should live, from how often the device can ask and how
 * often an attempt fails, so that it renews before expiry with a target probability.
 *
 * <p>With attempts lost independently with probability {@code q} (the profile's {@link
 * ConnectivityProfile#attemptFailureProbability()}, so reliability {@code p = 1 - q}), {@code n}
 * attempts all fail with probability {@code q^n}; the smallest {@code n} with {@code q^n <= 1 -
 * target} is {@code n = ceil(log(1 - target) / log(q))} (1 on a link that loses nothing). The
 * device starts at two thirds of the lifetime, so the last third must hold {@code n} attempts:
 * {@code lifetime >= 3 * n * interval}, where the interval is the wake interval, or for an
 * always-on device the interval it retries at. The lifetime is never below the minimum.
 *
 * <p>This is what makes short-lived certificates a replacement for CRLs and OCSP: a device that
 * renews this reliably can get certificates that expire before a revocation would have reached
 * the devices that check it, and a compromised key stops working on its own within one lifetime.
 * A profile whose recommended lifetime is too long for that needs revocation.
 *
 * <pre>{@code
 * LifetimeRecommendation daily = LifetimePolicy.defaults()
 *     .recommend(ConnectivityProfile.dailyWake().withAttemptFailureProbability(0.1));
 * // 6 attempts (0.1^6 = 1e-6): lifetime 18 days, renew after 12 days
 * }</pre>
 */
public final class LifetimePolicy {
  /** Guards the ceiling against log rounding (log(1e-3) / log(0.1) is 3.0000000000000004). */
  private static final double ROUNDING = 1e-9;

  private final double target;
  private final Duration minimumLifetime;
  private final Duration alwaysOnRetryInterval;

  private LifetimePolicy(Builder builder) {
    this.target = builder.target;
    this.minimumLifetime = builder.minimumLifetime;
    this.alwaysOnRetryInterval = builder.alwaysOnRetryInterval;
  }

  /** Renewed with probability 0.999999, lifetimes of at least a day, always-on devices retrying hourly. */
  public static LifetimePolicy defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The lifetime and renewal point for devices of {@code profile}. */
  public LifetimeRecommendation recommend(ConnectivityProfile profile) {
    Objects.requireNonNull(profile, "profile");
    double loss = profile.attemptFailureProbability();
    int attempts = loss == 0
        ? 1
        : (int) Math.max(1, Math.ceil(Math.log(1 - target) / Math.log(loss) - ROUNDING));
    Duration interval = profile.alwaysOnline() ? alwaysOnRetryInterval : profile.wakeInterval();
    Duration lifetime = interval.multipliedBy(3L * attempts);
    if (lifetime.compareTo(minimumLifetime) < 0) {
      lifetime = minimumLifetime;
    }
    Duration renewAfter = Duration.ofSeconds(lifetime.getSeconds() * 2 / 3);
    long inWindow = lifetime.minus(renewAfter).getSeconds() / interval.getSeconds();
    return new LifetimeRecommendation(lifetime, renewAfter, attempts, inWindow, 1 - Math.pow(loss, inWindow));
  }

  /** Configures a {@link LifetimePolicy}. */
  public static final class Builder {
    private double target = 0.999_999;
    private Duration minimumLifetime = Duration.ofDays(1);
    private Duration alwaysOnRetryInterval = Duration.ofHours(1);

    private Builder() {}

    /** The probability of renewing before expiry to reach, in (0, 1). */
    public Builder target(double probability) {
      if (!(probability > 0 && probability < 1)) {
        throw new IllegalArgumentException("target probability must be in (0, 1): " + probability);
      }
      this.target = probability;
      return this;
    }

    /** The shortest lifetime to recommend, whole seconds (default a day: the CA's issuing load). */
    public Builder minimumLifetime(Duration lifetime) {
      this.minimumLifetime = Durations.positiveSeconds(lifetime, "minimum lifetime");
      return this;
    }

    /** How often an always-on device tries again after a failed attempt, whole seconds (default an hour). */
    public Builder alwaysOnRetryInterval(Duration interval) {
      this.alwaysOnRetryInterval = Durations.positiveSeconds(interval, "always-on retry interval");
      return this;
    }

    /** The policy. */
    public LifetimePolicy build() {
      return new LifetimePolicy(this);
    }
  }
}
