// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LifetimePolicyTest {

  @Test
  void aReliableLinkNeedsOneWakeInTheLastThird() {
    LifetimeRecommendation weekly = LifetimePolicy.defaults().recommend(ConnectivityProfile.weeklyWake());

    assertThat(weekly.attemptsNeeded()).isEqualTo(1);
    assertThat(weekly.lifetime()).isEqualTo(Duration.ofDays(21));
    assertThat(weekly.renewAfter()).isEqualTo(Duration.ofDays(14));
    assertThat(weekly.attemptsInWindow()).isEqualTo(1);
    assertThat(weekly.renewalProbability()).isEqualTo(1);
  }

  @Test
  void aLossyLinkNeedsAsManyWakesAsTheTargetTakes() {
    // 0.1^6 = 1e-6: six daily wakes in the last third.
    LifetimeRecommendation daily = LifetimePolicy.defaults()
        .recommend(ConnectivityProfile.dailyWake().withAttemptFailureProbability(0.1));

    assertThat(daily.attemptsNeeded()).isEqualTo(6);
    assertThat(daily.lifetime()).isEqualTo(Duration.ofDays(18));
    assertThat(daily.renewAfter()).isEqualTo(Duration.ofDays(12));
    assertThat(daily.renewalProbability()).isGreaterThanOrEqualTo(0.999_999 - 1e-12);
  }

  @Test
  void theCeilingIsNotFooledByLogRounding() {
    // log(0.001) / log(0.1) is 3.0000000000000004 in doubles; three attempts suffice.
    LifetimeRecommendation daily = LifetimePolicy.builder().target(0.999).build()
        .recommend(ConnectivityProfile.dailyWake().withAttemptFailureProbability(0.1));

    assertThat(daily.attemptsNeeded()).isEqualTo(3);
    assertThat(daily.lifetime()).isEqualTo(Duration.ofDays(9));
  }

  @Test
  void alwaysOnDevicesCountTheirRetryIntervalAndTheMinimumHolds() {
    LifetimePolicy policy = LifetimePolicy.builder().target(0.999).build();

    // ceil(log(0.001) / log(0.5)) = 10 hourly attempts: 30 hours.
    LifetimeRecommendation flaky = policy.recommend(ConnectivityProfile.alwaysOn().withAttemptFailureProbability(0.5));
    LifetimeRecommendation solid = policy.recommend(ConnectivityProfile.alwaysOn());

    assertThat(flaky.attemptsNeeded()).isEqualTo(10);
    assertThat(flaky.lifetime()).isEqualTo(Duration.ofHours(30));
    assertThat(flaky.attemptsInWindow()).isEqualTo(10);
    assertThat(solid.lifetime()).isEqualTo(Duration.ofDays(1));
    assertThat(solid.renewAfter()).isEqualTo(Duration.ofHours(16));
    assertThat(solid.attemptsInWindow()).isEqualTo(8);
  }

  @Test
  void refusesTargetsThatCannotBeMet() {
    assertThatThrownBy(() -> LifetimePolicy.builder().target(1)).hasMessageContaining("(0, 1)");
    assertThatThrownBy(() -> LifetimePolicy.builder().minimumLifetime(Duration.ZERO)).hasMessageContaining("positive");
  }
}
