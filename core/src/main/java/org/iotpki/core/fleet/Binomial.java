// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.util.SplittableRandom;

/**
 * Draws how many of {@code n} independent attempts fail, each with probability {@code p}, in
 * constant expected time: a refused herd of 100,000 devices needs its count of lost attempts, not
 * 100,000 coin flips an hour.
 */
final class Binomial {
  /** Above this variance the normal approximation is within a fraction of a device. */
  private static final double NORMAL_VARIANCE = 25;

  private Binomial() {}

  static long sample(SplittableRandom random, long n, double p) {
    if (n == 0 || p == 0) {
      return 0;
    }
    if (p > 0.5) {
      return n - sample(random, n, 1 - p);
    }
    double variance = n * p * (1 - p);
    if (variance > NORMAL_VARIANCE) {
      long draw = Math.round(n * p + Math.sqrt(variance) * random.nextGaussian());
      return Math.max(0, Math.min(n, draw));
    }
    // Inversion: walk up the distribution from 0. With p <= 0.5 and n * p <= 50 here, (1 - p)^n
    // does not underflow and the walk takes about n * p steps.
    double odds = p / (1 - p);
    double probability = Math.pow(1 - p, n);
    double u = random.nextDouble();
    long k = 0;
    while (u > probability && k < n) {
      u -= probability;
      k++;
      probability *= odds * (n - k + 1) / k;
    }
    return k;
  }
}
