// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random serial numbers as a CA issues them (16 random bytes, positive), reproducible from a seed. */
final class TestSerials {
  private TestSerials() {}

  /** {@code count} distinct serials. */
  static List<BigInteger> random(int count, long seed) {
    Random random = new Random(seed);
    Set<BigInteger> serials = new LinkedHashSet<>();
    byte[] bytes = new byte[16];
    while (serials.size() < count) {
      random.nextBytes(bytes);
      BigInteger serial = new BigInteger(1, bytes);
      if (serial.signum() > 0) {
        serials.add(serial);
      }
    }
    return new ArrayList<>(serials);
  }

  /** Every {@code step}-th serial of {@code issued}, from the first: a revoked subset. */
  static List<BigInteger> everyNth(List<BigInteger> issued, int step) {
    List<BigInteger> chosen = new ArrayList<>();
    for (int i = 0; i < issued.size(); i += step) {
      chosen.add(issued.get(i));
    }
    return chosen;
  }
}
