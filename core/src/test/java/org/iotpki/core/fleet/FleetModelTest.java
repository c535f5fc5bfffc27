// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The value types a fleet is described with check what they hold. */
class FleetModelTest {

  @Test
  void profilesHaveNamesIntervalsAndALossProbabilityBelowOne() {
    ConnectivityProfile daily = ConnectivityProfile.dailyWake().withAttemptFailureProbability(0.05);

    assertThat(daily.name()).isEqualTo("daily");
    assertThat(daily.wakeInterval()).isEqualTo(Duration.ofDays(1));
    assertThat(daily.alwaysOnline()).isFalse();
    assertThat(ConnectivityProfile.alwaysOn().alwaysOnline()).isTrue();
    assertThatThrownBy(() -> daily.withAttemptFailureProbability(1)).hasMessageContaining("[0, 1)");
    assertThatThrownBy(() -> daily.withAttemptFailureProbability(Double.NaN)).hasMessageContaining("[0, 1)");
    assertThatThrownBy(() -> ConnectivityProfile.waking("odd", Duration.ofMillis(1500)))
        .hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> ConnectivityProfile.waking("never", Duration.ZERO)).hasMessageContaining("positive");
  }

  @Test
  void provisioningPatternsCheckTheirWindowAndBatches() {
    assertThat(Provisioning.batches(Duration.ofDays(10), 10)).isInstanceOf(Provisioning.Batches.class);
    assertThatThrownBy(() -> Provisioning.batches(Duration.ofDays(10), 11)).hasMessageContaining("batches");
    assertThatThrownBy(() -> Provisioning.batches(Duration.ofHours(12), 1)).hasMessageContaining("at least a day");
    assertThatThrownBy(() -> Provisioning.uniform(Duration.ZERO)).hasMessageContaining("positive");
    assertThat(new Provisioning.Batches(Duration.ofDays(10), 4).day(3)).isEqualTo(7);
  }

  @Test
  void strategiesCheckTheirParameters() {
    assertThat(RenewalStrategy.naive().renewAt()).isEqualTo(2.0 / 3);
    assertThat(RenewalStrategy.jittered().window()).isEqualTo(new LifetimeWindow(0.5, 0.8));
    assertThat(RenewalStrategy.batched().targetUtilization()).isEqualTo(0.5);
    assertThatThrownBy(() -> new RenewalStrategy.Naive(1, Duration.ofHours(1))).hasMessageContaining("renewAt");
    assertThatThrownBy(() -> new RenewalStrategy.Naive(0.5, Duration.ZERO)).hasMessageContaining("retry interval");
    assertThatThrownBy(() -> new RenewalStrategy.Batched(new LifetimeWindow(0.5, 0.8), 1.5, RetryBackoff.defaults()))
        .hasMessageContaining("target utilization");
    assertThatThrownBy(() -> new LifetimeWindow(0.8, 0.5)).hasMessageContaining("start <= end");
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofMinutes(5), Duration.ofMinutes(1)))
        .hasMessageContaining("max backoff");
  }

  @Test
  void backoffDoublesUpToItsCap() {
    RetryBackoff backoff = new RetryBackoff(Duration.ofMinutes(1), Duration.ofMinutes(5));

    assertThat(new long[] {backoff.ceilingSeconds(1), backoff.ceilingSeconds(2), backoff.ceilingSeconds(3),
        backoff.ceilingSeconds(4), backoff.ceilingSeconds(64)})
        .containsExactly(60, 120, 240, 300, 300);
  }
}
