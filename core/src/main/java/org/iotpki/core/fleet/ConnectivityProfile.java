// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * When a device can reach the CA, and how often an attempt fails on the way.
 *
 * <p>An always-on device can ask at any second. A waking device (a battery-powered sensor, say,
 * sleeping in NB-IoT or LTE-M power saving mode) wakes once per {@code wakeInterval} at a fixed
 * offset of its own and can only ask then, one attempt per wake. Each attempt is lost on the
 * link with {@code attemptFailureProbability}, independently of the others: the request never
 * reaches the CA and the device tries again later.
 *
 * <pre>{@code
 * ConnectivityProfile nbIot = ConnectivityProfile.dailyWake().withAttemptFailureProbability(0.05);
 * }</pre>
 *
 * @param name a label for reports and plans, such as {@code daily}
 * @param wakeInterval {@link Duration#ZERO} for always-on, otherwise the time between two wakes (at
 *     least a second, whole seconds)
 * @param attemptFailureProbability the chance that one attempt is lost on the link, in [0, 1)
 */
public record ConnectivityProfile(String name, Duration wakeInterval, double attemptFailureProbability) {

  /** Validates the fields. */
  public ConnectivityProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(wakeInterval, "wakeInterval");
    if (name.isBlank()) {
      throw new IllegalArgumentException("profile name must not be blank");
    }
    if (wakeInterval.isNegative() || wakeInterval.getNano() != 0) {
      throw new IllegalArgumentException("wake interval must be zero (always on) or whole seconds: " + wakeInterval);
    }
    if (!(attemptFailureProbability >= 0 && attemptFailureProbability < 1)) {
      throw new IllegalArgumentException(
          "attempt failure probability must be in [0, 1): " + attemptFailureProbability);
    }
  }

  /** Reachable at any second ({@code always-on}), over a link that does not lose attempts. */
  public static ConnectivityProfile alwaysOn() {
    return new ConnectivityProfile("always-on", Duration.ZERO, 0);
  }

  /** Wakes once a day ({@code daily}), over a link that does not lose attempts. */
  public static ConnectivityProfile dailyWake() {
    return waking("daily", Duration.ofDays(1));
  }

  /** Wakes once a week ({@code weekly}), over a link that does not lose attempts. */
  public static ConnectivityProfile weeklyWake() {
    return waking("weekly", Duration.ofDays(7));
  }

  /** Wakes once per {@code interval}, over a link that does not lose attempts. */
  public static ConnectivityProfile waking(String name, Duration interval) {
    if (interval.isZero()) {
      throw new IllegalArgumentException("a waking profile needs a positive wake interval");
    }
    return new ConnectivityProfile(name, interval, 0);
  }

  /** This profile over a link that loses each attempt with {@code probability}. */
  public ConnectivityProfile withAttemptFailureProbability(double probability) {
    return new ConnectivityProfile(name, wakeInterval, probability);
  }

  /** Whether the device can ask at any second. */
  public boolean alwaysOnline() {
    return wakeInterval.isZero();
  }
}
