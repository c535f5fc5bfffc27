// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Duration;
import org.iotpki.core.internal.Durations;

/**
 * When the devices of a fleet got their first certificate. Time 0 of a simulation is the start of
 * the provisioning window.
 */
public sealed interface Provisioning permits Provisioning.Uniform, Provisioning.Batches {

  /** The period in which every device is provisioned. */
  Duration window();

  /** Devices provisioned one by one, at uniformly random seconds of {@code window}. */
  static Provisioning uniform(Duration window) {
    return new Uniform(window);
  }

  /**
   * Devices made in {@code batches} production batches of equal size, evenly spaced over {@code
   * window}, each on one day.
   */
  static Provisioning batches(Duration window, int batches) {
    return new Batches(window, batches);
  }

  /** See {@link Provisioning#uniform}. */
  record Uniform(Duration window) implements Provisioning {
    /** Validates the window. */
    public Uniform {
      Durations.positive(window, "provisioning window");
    }
  }

  /**
   * See {@link Provisioning#batches}. Every certificate of a batch carries the batch day at 00:00
   * as its notBefore, as factories that stamp validity by production date do; a renewal rule keyed
   * to notBefore then fires for the whole batch in the same second.
   */
  record Batches(Duration window, int batches) implements Provisioning {
    /** Validates the window and the batch count: at least one day, at most one batch a day. */
    public Batches {
      Durations.positive(window, "provisioning window");
      if (window.toDays() < 1) {
        throw new IllegalArgumentException("a batch provisioning window is at least a day: " + window);
      }
      if (batches < 1 || batches > window.toDays()) {
        throw new IllegalArgumentException(
            "batches must be between 1 and the window's " + window.toDays() + " days: " + batches);
      }
    }

    /** The day (counted from 0) on which batch {@code batch} is made. */
    long day(int batch) {
      return batch * window.toDays() / batches;
    }
  }
}
