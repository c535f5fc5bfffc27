// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.util.Objects;

/**
 * The peer refused an operation that has no {@link EnrollmentOutcome} of its own, such as fetching
 * the CA certificates. Enrollments report refusals as {@link EnrollmentOutcome.Rejected} instead.
 */
public final class EnrollmentRejectedException extends EnrollmentException {
  private static final long serialVersionUID = 1L;

  private final transient EnrollmentOutcome.Rejected rejection;

  /** A refusal with the protocol's own code and text. */
  public EnrollmentRejectedException(EnrollmentOutcome.Rejected rejection) {
    super("rejected: " + rejection, null);
    this.rejection = Objects.requireNonNull(rejection, "rejection");
  }

  /** The protocol's code and text of the refusal. */
  public EnrollmentOutcome.Rejected rejection() {
    return rejection;
  }
}
