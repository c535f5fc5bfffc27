// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * A certificate lifetime and when to start renewing, with what they buy.
 *
 * @param lifetime notAfter - notBefore
 * @param renewAfter when the device starts asking, from notBefore: two thirds of the lifetime
 * @param attemptsNeeded the attempts that reach the target probability together
 * @param attemptsInWindow the attempts (wakes) the renewal window holds at least
 * @param renewalProbability the probability that one of those attempts gets through before
 *     notAfter, given independent losses and a CA that answers
 */
public record LifetimeRecommendation(
    Duration lifetime, Duration renewAfter, int attemptsNeeded, long attemptsInWindow, double renewalProbability) {

  /** Validates the fields. */
  public LifetimeRecommendation {
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(renewAfter, "renewAfter");
  }
}
