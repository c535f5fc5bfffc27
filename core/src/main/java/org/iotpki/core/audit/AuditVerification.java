// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.audit;

import java.util.Objects;

/** The answer of {@link AuditTrail#verify()}: intact, or where the chain first breaks. */
public sealed interface AuditVerification permits AuditVerification.Intact, AuditVerification.Broken {

  /** Whether every record is present, in order and unaltered. */
  boolean isIntact();

  /**
   * The trail is intact.
   *
   * @param records how many records it holds
   * @param lastHash the hash of the last record: publish or sign it to anchor the trail
   */
  record Intact(long records, String lastHash) implements AuditVerification {
    @Override
    public boolean isIntact() {
      return true;
    }
  }

  /**
   * The trail is broken.
   *
   * @param reason what is wrong
   * @param line the 1-based line of the file (or row) where it first shows
   * @param expectedSequence the sequence number a record should have had there
   * @param message a description for people
   */
  record Broken(Reason reason, long line, long expectedSequence, String message) implements AuditVerification {
    public Broken {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean isIntact() {
      return false;
    }
  }

  /** How an audit trail can be broken. */
  enum Reason implements org.iotpki.core.validation.ReasonCode {
    /** A record's content does not match its hash: it was edited. */
    ALTERED,
    /** A sequence number is skipped, or the chain of hashes has a gap: a record was deleted. */
    MISSING,
    /** A record carries an earlier sequence number than its predecessor: records were reordered or duplicated. */
    OUT_OF_ORDER,
    /** A line is not a record at all. */
    MALFORMED,
    /** The last record was cut off (a crash during an append). */
    TORN
  }
}
