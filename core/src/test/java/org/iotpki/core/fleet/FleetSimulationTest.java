// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FleetSimulationTest {

  private static FleetSpec.Builder alwaysOn(int devices, Provisioning provisioning, int lifetimeDays, int capacity) {
    return FleetSpec.builder()
        .devices(devices)
        .provisioning(provisioning)
        .certificateLifetime(Duration.ofDays(lifetimeDays))
        .profile(ConnectivityProfile.alwaysOn(), 1)
        .caCapacity(capacity);
  }

  @Test
  void naiveRenewalStampedesOnProductionBatchesWhereJitterAndPlanningSpreadTheLoad() {
    // Four batches of 5,000 devices whose certificates share a notBefore each: a naive fleet asks
    // 5,000 at once, gets 20 served, and retries in lockstep every hour until it expires.
    FleetSimulation simulation =
        FleetSimulation.of(alwaysOn(20_000, Provisioning.batches(Duration.ofDays(28), 4), 30, 20).build());

    FleetReport naive = simulation.run(RenewalStrategy.naive());
    FleetReport jittered = simulation.run(RenewalStrategy.jittered());
    FleetReport batched = simulation.run(RenewalStrategy.batched());

    assertThat(naive.peakRequestsPerSecond()).isGreaterThanOrEqualTo(5_000);
    assertThat(naive.peakRequestsPerSecond()).isGreaterThan(100 * jittered.peakRequestsPerSecond());
    assertThat(naive.refusedRequests()).isGreaterThan(1_000_000);
    assertThat(naive.expiredDevices()).isPositive();
    assertThat(naive.expiredDeviceHours()).isPositive();
    for (FleetReport spread : new FleetReport[] {jittered, batched}) {
      assertThat(spread.peakRequestsPerSecond()).isLessThanOrEqualTo(20);
      assertThat(spread.refusedRequests()).isZero();
      assertThat(spread.expiredDevices()).isZero();
      assertThat(spread.renewals()).isGreaterThanOrEqualTo(2 * 20_000);
    }
  }

  @Test
  void batchedKeepsEverySecondWithinTheTargetShareOfCapacityWhereJitterOverflows() {
    // 90,000 devices issued at once, renewing within 14.4 hours, at a CA of 4 req/s: random
    // renewal times average 1.7 req/s and peak far above 4; the plan allows 2 (half of 4).
    FleetSimulation simulation =
        FleetSimulation.of(alwaysOn(90_000, Provisioning.batches(Duration.ofDays(1), 1), 2, 4).build());

    FleetReport jittered = simulation.run(RenewalStrategy.jittered());
    FleetReport batched = simulation.run(RenewalStrategy.batched());

    assertThat(jittered.peakRequestsPerSecond()).isGreaterThan(4);
    assertThat(jittered.refusedRequests()).isPositive();
    assertThat(batched.peakRequestsPerSecond()).isLessThanOrEqualTo(2);
    assertThat(batched.refusedRequests()).isZero();
    assertThat(batched.expiredDevices()).isZero();
  }

  @Test
  void alwaysOnDevicesWithEnoughCapacityNeverExpire() {
    FleetSimulation simulation =
        FleetSimulation.of(alwaysOn(5_000, Provisioning.uniform(Duration.ofDays(30)), 30, 100).build());

    for (RenewalStrategy strategy : strategies()) {
      FleetReport report = simulation.run(strategy);
      assertThat(report.expiredDevices()).as(strategy.name()).isZero();
      assertThat(report.expiredDeviceHours()).as(strategy.name()).isZero();
      assertThat(report.refusedRequests()).as(strategy.name()).isZero();
      // Provisioned over 30 days, simulated 90: every device renews at least twice.
      assertThat(report.renewals()).as(strategy.name()).isGreaterThanOrEqualTo(10_000);
    }
  }

  @Test
  void weeklyDevicesExpireWhenTheLifetimeIsTooShortForTheirWakesAndNotWithTheRecommendedOne() {
    ConnectivityProfile weekly = ConnectivityProfile.weeklyWake();
    FleetSpec.Builder fleet = FleetSpec.builder()
        .devices(2_000)
        .provisioning(Provisioning.uniform(Duration.ofDays(7)))
        .horizon(Duration.ofDays(90))
        .profile(weekly, 1)
        .caCapacity(100);

    FleetReport tooShort = FleetSimulation.of(fleet.certificateLifetime(Duration.ofDays(5)).build())
        .run(RenewalStrategy.naive());
    Duration recommended = LifetimePolicy.defaults().recommend(weekly).lifetime();
    FleetReport longEnough = FleetSimulation.of(fleet.certificateLifetime(recommended).build())
        .run(RenewalStrategy.naive());

    assertThat(tooShort.expiredDevices()).isGreaterThan(1_000);
    assertThat(recommended).isEqualTo(Duration.ofDays(21));
    assertThat(longEnough.expiredDevices()).isZero();
  }

  @Test
  void flakyLinksCostAttemptsButNotCertificatesWhenTheWindowHoldsEnoughWakes() {
    FleetSpec spec = FleetSpec.builder()
        .devices(3_000)
        .provisioning(Provisioning.uniform(Duration.ofDays(30)))
        .certificateLifetime(Duration.ofDays(30))
        .profile(ConnectivityProfile.dailyWake().withAttemptFailureProbability(0.2), 1)
        .caCapacity(10)
        .build();

    for (RenewalStrategy strategy : strategies()) {
      FleetReport report = FleetSimulation.of(spec).run(strategy);
      assertThat(report.lostAttempts()).as(strategy.name()).isGreaterThan(report.renewals() / 10);
      assertThat(report.expiredDevices()).as(strategy.name()).isZero();
    }
  }

  @Test
  void countsAddUpForEveryStrategyAndForHerdsOnFlakyLinks() {
    FleetSpec spec = FleetSpec.builder()
        .devices(10_000)
        .provisioning(Provisioning.batches(Duration.ofDays(60), 3))
        .certificateLifetime(Duration.ofDays(60))
        .profile(ConnectivityProfile.alwaysOn().withAttemptFailureProbability(0.3), 3)
        .profile(ConnectivityProfile.dailyWake().withAttemptFailureProbability(0.05), 1)
        .caCapacity(5)
        .build();

    for (RenewalStrategy strategy : strategies()) {
      FleetReport report = FleetSimulation.of(spec).run(strategy);
      assertThat(report.requests()).as(strategy.name()).isEqualTo(report.renewals() + report.refusedRequests());
      assertThat(report.requestsPerHour().stream().mapToLong(Long::longValue).sum())
          .as(strategy.name()).isEqualTo(report.requests());
      assertThat(report.requestsPerHour()).hasSize(180 * 24);
      assertThat(report.peakRequestsPerSecond()).isPositive();
      assertThat(report.lostAttempts()).isPositive();
    }
  }

  @Test
  void theSameSeedGivesTheSameReportAndAnotherSeedAnotherFleet() {
    FleetSpec.Builder fleet = FleetSpec.builder()
        .devices(5_000)
        .provisioning(Provisioning.uniform(Duration.ofDays(30)))
        .certificateLifetime(Duration.ofDays(30))
        .profile(ConnectivityProfile.alwaysOn(), 1)
        .profile(ConnectivityProfile.dailyWake().withAttemptFailureProbability(0.1), 1)
        .caCapacity(10);

    for (RenewalStrategy strategy : strategies()) {
      FleetReport first = FleetSimulation.of(fleet.seed(7).build()).run(strategy);
      FleetReport again = FleetSimulation.of(fleet.seed(7).build()).run(strategy);
      FleetReport other = FleetSimulation.of(fleet.seed(8).build()).run(strategy);
      assertThat(again).as(strategy.name()).isEqualTo(first);
      assertThat(other.requestsPerHour()).as(strategy.name()).isNotEqualTo(first.requestsPerHour());
    }
  }

  private static RenewalStrategy[] strategies() {
    return new RenewalStrategy[] {RenewalStrategy.naive(), RenewalStrategy.jittered(), RenewalStrategy.batched()};
  }
}
