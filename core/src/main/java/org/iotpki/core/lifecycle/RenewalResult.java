// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.PendingEnrollment;

/** What one {@link RenewalAgent#runOnce()} pass came to, and when the next pass is due. */
public sealed interface RenewalResult
    permits RenewalResult.UpToDate, RenewalResult.Issued, RenewalResult.Pending,
        RenewalResult.Rejected, RenewalResult.Failed {

  /** When the agent should run again. */
  Instant nextRun();

  /** Nothing to do: the current credential is not due for renewal before {@code nextRun}. */
  record UpToDate(Credential credential, Instant nextRun) implements RenewalResult {
    public UpToDate {
      Objects.requireNonNull(credential, "credential");
      Objects.requireNonNull(nextRun, "nextRun");
    }
  }

  /**
   * A new credential is in use.
   *
   * @param firstEnrollment whether this was the device's first credential (bootstrap)
   * @param nextRun when the new credential is due for renewal
   */
  record Issued(Credential credential, boolean firstEnrollment, Instant nextRun)
      implements RenewalResult {
    public Issued {
      Objects.requireNonNull(credential, "credential");
      Objects.requireNonNull(nextRun, "nextRun");
    }
  }

  /** The CA has not decided yet; the store keeps the state to poll at {@code nextRun}. */
  record Pending(PendingEnrollment pending) implements RenewalResult {
    public Pending {
      Objects.requireNonNull(pending, "pending");
    }

    @Override
    public Instant nextRun() {
      return pending.retryAt();
    }
  }

  /**
   * The CA refused; the next pass starts a new enrollment with a new key.
   *
   * @param code the protocol's own failure code (HTTP status, SCEP failInfo, CMP failInfo)
   */
  record Rejected(String code, String detail, Instant nextRun) implements RenewalResult {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(nextRun, "nextRun");
    }
  }

  /**
   * The CA could not be reached (after the retry policy's attempts); the next pass sends the same
   * request again, with the same key.
   */
  record Failed(EnrollmentTransportException cause, Instant nextRun) implements RenewalResult {
    public Failed {
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(nextRun, "nextRun");
    }
  }
}
