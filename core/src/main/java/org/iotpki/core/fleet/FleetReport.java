// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one strategy did to the CA and the fleet over the simulated horizon.
 *
 * @param strategy the strategy simulated
 * @param devices the fleet's size
 * @param peakRequestsPerSecond the requests that reached the CA (served or refused) in the
 *     busiest <em>one-second</em> bucket
 * @param peakAt when that second began, from the start of provisioning
 * @param requests every request that reached the CA, served or refused
 * @param refusedRequests requests the CA refused for want of capacity (each one a retry later)
 * @param lostAttempts attempts the link lost before they reached the CA (not in {@code requests})
 * @param renewals certificates issued, that is requests served
 * @param expiredDevices devices whose certificate passed notAfter before a renewal succeeded, at
 *     least once within the horizon
 * @param expiredDeviceHours the hours all devices spent with an expired certificate within the
 *     horizon (an expired device keeps asking, as re-enrollment with its factory identity would)
 * @param requestsPerHour requests reaching the CA in each hour of the horizon, for plotting
 */
public record FleetReport(
    RenewalStrategy strategy,
    int devices,
    long peakRequestsPerSecond,
    Duration peakAt,
    long requests,
    long refusedRequests,
    long lostAttempts,
    long renewals,
    int expiredDevices,
    double expiredDeviceHours,
    List<Long> requestsPerHour) {

  /** Validates and copies the fields. */
  public FleetReport {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(peakAt, "peakAt");
    requestsPerHour = List.copyOf(requestsPerHour);
  }
}
