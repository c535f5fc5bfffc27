// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

/** Receives a {@link RenewalAgent}'s events: the hook for metrics and monitoring. */
@FunctionalInterface
public interface RenewalListener {
  /** Called on the agent's thread; should return quickly and not throw. */
  void onEvent(RenewalEvent event);
}
