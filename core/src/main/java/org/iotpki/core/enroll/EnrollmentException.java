// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

/**
 * An enrollment call that did not produce an {@link EnrollmentOutcome}: the peer could not be
 * reached or understood ({@link EnrollmentTransportException}), or it refused an operation that
 * has no outcome to carry the refusal ({@link EnrollmentRejectedException}).
 */
public abstract sealed class EnrollmentException extends Exception
    permits EnrollmentTransportException, EnrollmentRejectedException {
  private static final long serialVersionUID = 1L;

  EnrollmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
