// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a {@link RenewalAgent} did, for metrics and logs.
 *
 * @param type what happened
 * @param at when, by the agent's clock
 * @param detail for people: serial numbers, the CA's code, the failure (never key material)
 */
public record RenewalEvent(Type type, Instant at, String detail) {
  public RenewalEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
  }

  /** The kinds of event. */
  public enum Type {
    /** A first enrollment was sent (or resent after a restart). */
    BOOTSTRAP_STARTED,
    /** A renewal was sent (or resent after a restart). */
    RENEWAL_STARTED,
    /** A pending enrollment was polled. */
    POLLED,
    /** The CA answered "pending". */
    PENDING,
    /** The CA issued a certificate; it is staged. */
    ISSUED,
    /** A staged credential became the current one. */
    ACTIVATED,
    /** The current credential was checked and the previous one deleted. */
    CONFIRMED,
    /** The current credential failed its check; the previous one is current again. */
    ROLLED_BACK,
    /** The CA refused the enrollment. */
    REJECTED,
    /** The CA could not be reached. */
    TRANSPORT_FAILURE
  }
}
