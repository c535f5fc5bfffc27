// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.iotpki.core.PkiParseException;

/**
 * Fuzzes the decoder of a pending enrollment's saved state (the file {@code est resume}, {@code
 * scep poll}, {@code cmp poll} and {@code acme poll} read): any input may be rejected, but only
 * with {@link PkiParseException}; what decodes re-encodes to a text that decodes to the same
 * enrollment. Jazzer reports anything else (and an OutOfMemoryError) as a finding.
 *
 * <p>Replays {@code PendingEnrollmentFuzzTestInputs/} in every test run; {@code ./mvnw -Pfuzz
 * verify} fuzzes from it.
 */
class PendingEnrollmentFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void decode(byte[] input) {
    PendingEnrollment pending;
    try {
      pending = PendingEnrollment.decode(input);
    } catch (PkiParseException expected) {
      return; // Rejected with the typed exception: the contract holds.
    }
    byte[] encoded = pending.encode();
    try {
      if (!PendingEnrollment.decode(encoded).equals(pending)) {
        throw new IllegalStateException("a pending enrollment changes when encoded again");
      }
    } catch (PkiParseException e) {
      throw new IllegalStateException("a pending enrollment encodes to a text it cannot read: "
          + Arrays.toString(encoded), e);
    }
  }
}
