// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.time.Clock;
import org.iotpki.core.lifecycle.RenewalEvent.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each renewal event and hands it to the listener, whose failures stay its own. */
final class EventSink {
  private static final Logger LOG = LoggerFactory.getLogger(EventSink.class);

  private final RenewalListener listener;
  private final Clock clock;

  EventSink(RenewalListener listener, Clock clock) {
    this.listener = listener;
    this.clock = clock;
  }

  void emit(Type type, String detail) {
    RenewalEvent event = new RenewalEvent(type, clock.instant(), detail);
    LOG.info("{}: {}", type, detail);
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("the renewal listener failed on {}", type, e);
    }
  }
}
