// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.security.cert.CRLReason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The revocation status of one certificate and the source that decided it: {@link Good}, {@link
 * Revoked}, {@link Unknown} (not established: reject), or {@link SoftFailed} (not established, but
 * accepted by {@link OcspPolicy#SOFT_FAIL}).
 *
 * <pre>{@code
 * RevocationResult result = ocsp.check(device, issuer);
 * if (!result.isAccepted()) {
 *   reject(result);
 * }
 * }</pre>
 */
public sealed interface RevocationResult
    permits RevocationResult.Good, RevocationResult.Revoked, RevocationResult.Unknown, RevocationResult.SoftFailed {

  /** What decided. */
  RevocationSource source();

  /** Whether the certificate may be used: {@link Good} or {@link SoftFailed}. */
  boolean isAccepted();

  /**
   * Not revoked.
   *
   * @param source what said so
   * @param validUntil until when the answer holds (an OCSP response's or CRL's nextUpdate, a
   *     short-lived certificate's notAfter), if the source says
   */
  record Good(RevocationSource source, Optional<Instant> validUntil) implements RevocationResult {
    public Good {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(validUntil, "validUntil");
    }

    @Override
    public boolean isAccepted() {
      return true;
    }
  }

  /**
   * Revoked.
   *
   * @param source what said so
   * @param revocationTime when the certificate was revoked, if the source says (a revocation
   *     filter does not)
   * @param reason the CRL reason code, if the source gives one
   */
  record Revoked(RevocationSource source, Optional<Instant> revocationTime, Optional<CRLReason> reason)
      implements RevocationResult {
    public Revoked {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(revocationTime, "revocationTime");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isAccepted() {
      return false;
    }
  }

  /**
   * The status could not be established; the certificate must not be accepted.
   *
   * @param source the source that was asked
   * @param failure why, as a code to switch on
   * @param message a description for people
   */
  record Unknown(RevocationSource source, RevocationFailure failure, String message) implements RevocationResult {
    public Unknown {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean isAccepted() {
      return false;
    }
  }

  /**
   * The responder was unreachable and {@link OcspPolicy#SOFT_FAIL} accepts the certificate anyway.
   *
   * @param source the source that was asked
   * @param failure why the status is not known
   * @param message a description for people
   */
  record SoftFailed(RevocationSource source, RevocationFailure failure, String message) implements RevocationResult {
    public SoftFailed {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean isAccepted() {
      return true;
    }
  }
}
