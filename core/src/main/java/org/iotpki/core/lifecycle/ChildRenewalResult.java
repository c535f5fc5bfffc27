// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.iotpki.core.enroll.PendingEnrollment;

/** What one {@link HubRenewal} pass did for one child device. */
public sealed interface ChildRenewalResult
    permits ChildRenewalResult.UpToDate, ChildRenewalResult.Installed,
        ChildRenewalResult.Pending, ChildRenewalResult.Rejected, ChildRenewalResult.Failed {

  /** When the hub should renew this child again. */
  Instant nextRun();

  /** The child's certificate is not due for renewal before {@code nextRun}. */
  record UpToDate(Instant nextRun) implements ChildRenewalResult {
    public UpToDate {
      Objects.requireNonNull(nextRun, "nextRun");
    }
  }

  /**
   * The child has installed a new certificate.
   *
   * @param chain the child's new certificate first, then its issuers
   * @param nextRun when the new certificate is due for renewal
   */
  record Installed(List<X509Certificate> chain, Instant nextRun) implements ChildRenewalResult {
    public Installed {
      chain = List.copyOf(chain);
      Objects.requireNonNull(nextRun, "nextRun");
    }
  }

  /** The CA has not decided yet; the hub keeps the state to poll at {@code nextRun}. */
  record Pending(PendingEnrollment pending) implements ChildRenewalResult {
    public Pending {
      Objects.requireNonNull(pending, "pending");
    }

    @Override
    public Instant nextRun() {
      return pending.retryAt();
    }
  }

  /**
   * The CA refused (or issued a certificate for another key); the child dropped its pending key.
   *
   * @param code the protocol's own failure code
   */
  record Rejected(String code, String detail, Instant nextRun) implements ChildRenewalResult {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(nextRun, "nextRun");
    }
  }

  /**
   * The CA or the child could not be reached: an {@code EnrollmentTransportException} from the
   * client, or an {@code IOException} from the child's link. The next pass goes on from where this
   * one stopped (same key, same pending transaction, same issued chain to install).
   */
  record Failed(Exception cause, Instant nextRun) implements ChildRenewalResult {
    public Failed {
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(nextRun, "nextRun");
    }
  }
}
