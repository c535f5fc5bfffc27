// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.acme.internal;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLException;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.EnrollmentTransportException.Failure;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeRetryAfterException;

/** acme4j's failures as iotpki's: refusals with the ACME problem type, transport failures. */
public final class AcmeFailures {
  private static final int MAX_DETAIL_CHARS = 512;

  private AcmeFailures() {}

  /** The server's problem document (RFC 8555 section 6.7) as a refusal: its type and detail. */
  public static EnrollmentOutcome.Rejected rejected(Problem problem) {
    StringBuilder detail = new StringBuilder(problem.getDetail().orElse(""));
    for (Problem sub : problem.getSubProblems()) {
      detail.append(detail.length() == 0 ? "" : "; ")
          .append(sub.getIdentifier().map(id -> id.getValue() + ": ").orElse(""))
          .append(sub.getType()).append(' ').append(sub.getDetail().orElse(""));
    }
    String text = detail.toString().replaceAll("\\p{Cntrl}", "?").strip();
    if (text.length() > MAX_DETAIL_CHARS) {
      text = text.substring(0, MAX_DETAIL_CHARS) + "...";
    }
    return new EnrollmentOutcome.Rejected(problem.getType().toString(), text);
  }

  /**
   * A failure that is not a problem document as a transport failure. ACME requests are safe to
   * send again: each carries a fresh nonce, and the server refuses a replay.
   */
  public static EnrollmentTransportException transport(AcmeException e, Instant now) {
    if (e instanceof AcmeRetryAfterException retry) {
      Duration wait = Duration.between(now, retry.getRetryAfter());
      return new EnrollmentTransportException(Failure.UNAVAILABLE, true,
          wait.isNegative() ? Duration.ZERO : wait, e.getMessage(), e);
    }
    if (e instanceof AcmeNetworkException
        && e.getCause() instanceof DeadlineConnection.ServiceUnavailable unavailable) {
      return new EnrollmentTransportException(Failure.UNAVAILABLE, true,
          unavailable.retryAfter().orElse(null), unavailable.getMessage(), e);
    }
    if (e instanceof AcmeNetworkException) {
      return new EnrollmentTransportException(networkFailure(e.getCause()), true,
          String.valueOf(e.getCause()), e);
    }
    return malformed(e);
  }

  /** An answer acme4j could not read as ACME. */
  public static EnrollmentTransportException malformed(Exception e) {
    return new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, false,
        "not an ACME answer: " + e.getMessage(), e);
  }

  private static Failure networkFailure(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return Failure.TLS;
      }
      if (t instanceof HttpTimeoutException) {
        return Failure.TIMEOUT;
      }
      if (t instanceof ConnectException) {
        return Failure.CONNECT;
      }
    }
    return Failure.TRUNCATED;
  }
}
