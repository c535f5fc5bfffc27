// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FleetSpecTest {

  private static FleetSpec.Builder complete() {
    return FleetSpec.builder()
        .devices(1_000)
        .provisioning(Provisioning.uniform(Duration.ofDays(30)))
        .certificateLifetime(Duration.ofDays(90))
        .profile(ConnectivityProfile.alwaysOn(), 1)
        .caCapacity(10);
  }

  @Test
  void defaultsToThreeLifetimesARetryAfterOfAMinuteAndSharesThatAddUpToOne() {
    FleetSpec spec = complete()
        .profile(ConnectivityProfile.dailyWake(), 2)
        .profile(ConnectivityProfile.weeklyWake(), 1)
        .build();

    assertThat(spec.horizon()).isEqualTo(Duration.ofDays(270));
    assertThat(spec.caRetryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(spec.profiles()).containsExactly(
        java.util.Map.entry(ConnectivityProfile.alwaysOn(), 0.25),
        java.util.Map.entry(ConnectivityProfile.dailyWake(), 0.5),
        java.util.Map.entry(ConnectivityProfile.weeklyWake(), 0.25));
    assertThatThrownBy(() -> spec.profiles().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void buildNamesTheMissingField() {
    assertThatThrownBy(() -> complete().devices(0).build()).hasMessageContaining("devices");
    assertThatThrownBy(() -> FleetSpec.builder().devices(1).build()).hasMessageContaining("provisioning");
    assertThatThrownBy(() -> FleetSpec.builder().devices(1).provisioning(Provisioning.uniform(Duration.ofDays(1))).build())
        .hasMessageContaining("certificate lifetime");
    assertThatThrownBy(() -> FleetSpec.builder().devices(1).provisioning(Provisioning.uniform(Duration.ofDays(1)))
        .certificateLifetime(Duration.ofDays(30)).caCapacity(1).build())
        .hasMessageContaining("profile");
    assertThatThrownBy(() -> complete().caCapacity(0).build()).hasMessageContaining("CA capacity");
  }

  @Test
  void refusesUnusableValues() {
    assertThatThrownBy(() -> complete().devices(FleetSpec.MAX_DEVICES + 1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("devices");
    assertThatThrownBy(() -> complete().certificateLifetime(Duration.ofMinutes(30)).build())
        .hasMessageContaining("at least an hour");
    assertThatThrownBy(() -> complete().horizon(Duration.ofDays(30)).build())
        .hasMessageContaining("longer than the provisioning window");
    assertThatThrownBy(() -> complete().horizon(Duration.ofDays(365 * 70)).build())
        .hasMessageContaining("68 years");
    assertThatThrownBy(() -> complete().profile(ConnectivityProfile.alwaysOn(), 2))
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> complete().profile(ConnectivityProfile.dailyWake(), 0))
        .hasMessageContaining("weight");
    assertThatThrownBy(() -> complete().caRetryAfter(Duration.ofMillis(1500)))
        .hasMessageContaining("whole seconds");
  }
}
