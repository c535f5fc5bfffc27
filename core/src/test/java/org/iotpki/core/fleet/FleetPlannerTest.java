// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetPlannerTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration LIFETIME = Duration.ofDays(30);

  private static FleetPlanner.Builder planner(double capacity) {
    return FleetPlanner.builder().caCapacity(capacity).horizon(START, START.plus(Duration.ofDays(120)));
  }

  private static DeviceCertificate device(int i, ConnectivityProfile profile) {
    return new DeviceCertificate("sn-" + i, START, START.plus(LIFETIME), profile);
  }

  @Test
  void alwaysOnDevicesRenewInsideTheirWindowEachInASecondOfItsOwnUpToTheTarget() {
    // 20,000 certificates issued in the same second: 1 req/s planned at most (2 x 0.5).
    FleetPlanner planner = planner(2).build();
    List<DeviceCertificate> devices = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      devices.add(device(i, ConnectivityProfile.alwaysOn()));
    }

    List<PlannedWindow> windows = planner.planAll(devices);

    Map<Instant, Integer> perSecond = new HashMap<>();
    for (PlannedWindow window : windows) {
      assertThat(window.fit()).isEqualTo(PlannedWindow.Fit.WITHIN_TARGET);
      assertThat(window.start()).isBetween(START.plus(Duration.ofDays(15)), START.plus(Duration.ofDays(24)));
      assertThat(window.end()).isBeforeOrEqualTo(START.plus(Duration.ofDays(24)));
      assertThat(Duration.between(window.start(), window.end())).isLessThanOrEqualTo(Duration.ofHours(1));
      perSecond.merge(window.start(), 1, Integer::sum);
    }
    assertThat(perSecond.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
    assertThat(planner.busiestSlotRequestsPerSecond()).isLessThanOrEqualTo(1);
    // Four random choices keep the plan flat: 20,000 over 216 hours is 0.026 req/s on average.
    assertThat(planner.busiestSlotRequestsPerSecond()).isLessThan(0.04);
  }

  @Test
  void wakingDevicesGetAWindowOfOneWakeIntervalInsideTheirSpan() {
    FleetPlanner planner = planner(2).build();

    PlannedWindow daily = planner.plan(device(1, ConnectivityProfile.dailyWake()));
    PlannedWindow weekly = planner.plan(device(2, ConnectivityProfile.weeklyWake()));

    assertThat(Duration.between(daily.start(), daily.end())).isEqualTo(Duration.ofDays(1));
    assertThat(Duration.between(weekly.start(), weekly.end())).isEqualTo(Duration.ofDays(7));
    for (PlannedWindow window : List.of(daily, weekly)) {
      assertThat(window.fit()).isEqualTo(PlannedWindow.Fit.WITHIN_TARGET);
      assertThat(window.start()).isAfterOrEqualTo(START.plus(Duration.ofDays(15)));
      assertThat(window.end()).isBeforeOrEqualTo(START.plus(Duration.ofDays(24)));
    }
  }

  @Test
  void aFullSpanIsBookedOverTheTargetAndSaysSo() {
    // One request an hour at most; a 10-hour certificate may renew in hours 5 to 8: three slots.
    FleetPlanner planner = planner(1.0 / 3600).targetUtilization(1).build();
    List<PlannedWindow.Fit> fits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      fits.add(planner.plan(new DeviceCertificate("d" + i, START, START.plus(Duration.ofHours(10)),
          ConnectivityProfile.alwaysOn())).fit());
    }

    assertThat(fits).containsExactly(PlannedWindow.Fit.WITHIN_TARGET, PlannedWindow.Fit.WITHIN_TARGET,
        PlannedWindow.Fit.WITHIN_TARGET, PlannedWindow.Fit.OVER_TARGET);
  }

  @Test
  void renewalsOutsideTheHorizonAreNotPlannedButGetTheirWholeWindow() {
    FleetPlanner planner = planner(2).build();
    Instant late = START.plus(Duration.ofDays(100));

    PlannedWindow window = planner.plan(
        new DeviceCertificate("late", late, late.plus(LIFETIME), ConnectivityProfile.alwaysOn()));

    assertThat(window.fit()).isEqualTo(PlannedWindow.Fit.NOT_PLANNED);
    assertThat(window.start()).isEqualTo(late.plus(Duration.ofDays(15)));
    assertThat(window.end()).isEqualTo(late.plus(Duration.ofDays(24)));
  }

  @Test
  void planAllAnswersInTheOrderGiven() {
    FleetPlanner planner = planner(2).build();
    DeviceCertificate later = new DeviceCertificate("later", START.plus(Duration.ofDays(5)),
        START.plus(Duration.ofDays(35)), ConnectivityProfile.dailyWake());

    List<PlannedWindow> windows = planner.planAll(List.of(later, device(1, ConnectivityProfile.alwaysOn())));

    assertThat(windows).extracting(PlannedWindow::deviceId).containsExactly("later", "sn-1");
  }

  @Test
  void buildNamesTheMissingOrUnusableField() {
    assertThatThrownBy(() -> FleetPlanner.builder().horizon(START, START.plusSeconds(3600)).build())
        .hasMessageContaining("CA capacity");
    assertThatThrownBy(() -> FleetPlanner.builder().caCapacity(1).build()).hasMessageContaining("horizon");
    assertThatThrownBy(() -> planner(1).horizon(START, START).build()).hasMessageContaining("not after");
    assertThatThrownBy(() -> planner(1).window(LifetimeWindow.at(0.5))).hasMessageContaining("room");
    assertThatThrownBy(() -> planner(1).targetUtilization(0)).hasMessageContaining("target utilization");
    assertThatThrownBy(() -> planner(1).slot(Duration.ofDays(2))).hasMessageContaining("at most a day");
    assertThatThrownBy(() -> new DeviceCertificate("d", START, START, ConnectivityProfile.alwaysOn()))
        .hasMessageContaining("not after");
  }
}
