// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The peer could not be reached, did not answer in time, or answered with something that is not
 * a response of its protocol. Says what went wrong and whether sending the same request again is
 * safe.
 */
public final class EnrollmentTransportException extends EnrollmentException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Failure {
    /** No connection could be made (refused, unreachable, DNS). */
    CONNECT(true),
    /** The TLS handshake failed: an untrusted or wrong server certificate, or no common suite. */
    TLS(false),
    /** No complete answer within the timeout. */
    TIMEOUT(true),
    /** The connection broke or the body ended before its announced length. */
    TRUNCATED(true),
    /** The server said it is unavailable for now (HTTP 503), possibly with a Retry-After. */
    UNAVAILABLE(true),
    /** The answer is not a well-formed response of the protocol. */
    MALFORMED_RESPONSE(false),
    /** The calling thread was interrupted while waiting. */
    INTERRUPTED(false),
    /** The request was never sent: the local key (an HSM, a secure element) failed to sign it. */
    SIGNER(true);

    private final boolean transientFailure;

    Failure(boolean transientFailure) {
      this.transientFailure = transientFailure;
    }

    /** Whether trying again later may succeed without anyone changing anything. */
    public boolean isTransient() {
      return transientFailure;
    }
  }

  private final Failure failure;
  private final boolean retrySafe;
  private final transient Duration retryAfter;
  private final String detail;

  /**
   * @param retrySafe whether sending the same request again cannot do harm (it was not sent, or
   *     the protocol makes repeating it harmless)
   */
  public EnrollmentTransportException(
      Failure failure, boolean retrySafe, String message, Throwable cause) {
    this(failure, retrySafe, null, message, cause);
  }

  /** A failure after which the server asked to wait at least {@code retryAfter}. */
  public EnrollmentTransportException(
      Failure failure, boolean retrySafe, Duration retryAfter, String message, Throwable cause) {
    super(failure + ": " + message, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
    this.retrySafe = retrySafe;
    this.retryAfter = retryAfter;
    this.detail = message;
  }

  /** What went wrong. */
  public Failure failure() {
    return failure;
  }

  /** Whether sending the same request again cannot do harm. */
  public boolean retrySafe() {
    return retrySafe;
  }

  /** Whether a later retry of the same request is both safe and may succeed. */
  public boolean worthRetrying() {
    return retrySafe && failure.isTransient();
  }

  /** How long the server asked to wait before trying again, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The same failure, with {@code retrySafe} as the protocol knows it. */
  public EnrollmentTransportException withRetrySafe(boolean safe) {
    EnrollmentTransportException copy =
        new EnrollmentTransportException(failure, safe, retryAfter, detail, getCause());
    copy.setStackTrace(getStackTrace());
    return copy;
  }
}
