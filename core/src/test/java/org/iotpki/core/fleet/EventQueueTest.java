// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  @Test
  void popsEventsBySecondThenIdThroughGrowth() {
    EventQueue queue = new EventQueue();
    SplittableRandom random = new SplittableRandom(1);
    List<long[]> pushed = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      long second = random.nextLong(1L << 36);
      int id = random.nextInt(1 << EventQueue.ID_BITS);
      queue.push(second, id);
      pushed.add(new long[] {second, id});
    }
    pushed.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));

    for (long[] expected : pushed) {
      long event = queue.pop();
      assertThat(new long[] {EventQueue.second(event), EventQueue.id(event)}).containsExactly(expected);
    }
    assertThat(queue.isEmpty()).isTrue();
  }
}
