// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * When a device should renew: an always-on device at {@code start} (the second its request was
 * counted at), a waking device at its first wake in [{@code start}, {@code end}), which holds
 * exactly one of its wakes. A CA can hand this to the device as ACME Renewal Information (RFC 9773)
 * does, or push it with device management.
 *
 * @param deviceId the device
 * @param start the start of the window
 * @param end the end of the window (exclusive)
 * @param fit whether the plan kept this renewal within the CA's target load
 */
public record PlannedWindow(String deviceId, Instant start, Instant end, Fit fit) {

  /** Validates the fields. */
  public PlannedWindow {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(fit, "fit");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("window ends " + end + ", not after its start " + start);
    }
  }

  /** How a renewal fits the planned load. */
  public enum Fit {
    /** Booked where the planned load stays within the target. */
    WITHIN_TARGET,
    /**
     * Every slot of the device's allowed window was full: booked in the least loaded one, above the
     * target. Raise the capacity or the target, or widen the lifetime window.
     */
    OVER_TARGET,
    /**
     * The allowed window ends after the planning horizon, ends before it starts, or holds no whole
     * slot: not booked; the window is the whole allowed window, to be used with jitter.
     */
    NOT_PLANNED
  }
}
