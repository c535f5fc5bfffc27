// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinomialTest {

  @Test
  void drawsHaveTheBinomialMeanAndStayInRangeOnEveryPath() {
    SplittableRandom random = new SplittableRandom(3);
    // Inversion (small variance), normal approximation (large), and the mirrored p > 0.5.
    long[][] cases = {{40, 10}, {100_000, 30}, {1_000, 90}};
    for (long[] c : cases) {
      long n = c[0];
      double p = c[1] / 100.0;
      double sum = 0;
      int draws = 20_000;
      for (int i = 0; i < draws; i++) {
        long k = Binomial.sample(random, n, p);
        assertThat(k).isBetween(0L, n);
        sum += k;
      }
      assertThat(sum / draws).as("n=%d p=%.2f", n, p).isCloseTo(n * p, within(0.02 * n * p + 0.1));
    }
    assertThat(Binomial.sample(random, 1_000, 0)).isZero();
  }
}
