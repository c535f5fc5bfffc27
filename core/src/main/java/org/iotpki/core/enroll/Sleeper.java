// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.time.Duration;

/** Waits; a seam so that tests of retry behaviour run in no time. */
@FunctionalInterface
public interface Sleeper {
  /** Blocks the calling thread for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** {@link Thread#sleep}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
