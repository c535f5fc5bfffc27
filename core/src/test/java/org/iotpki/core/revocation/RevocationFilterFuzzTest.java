// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.util.Arrays;
import org.iotpki.core.PkiParseException;

/**
 * Fuzzes the filter and delta decoders: any input may be rejected, but only with {@link
 * PkiParseException}; what decodes must answer lookups and re-encode to the same bytes. Jazzer
 * reports anything else (and an OutOfMemoryError) as a finding.
 *
 * <p>Replays {@code RevocationFilterFuzzTestInputs/} in every test run, then fuzzes a bounded
 * number of executions in core's {@code fuzz-bounded-revocation} surefire execution.
 */
class RevocationFilterFuzzTest {

  @FuzzTest(maxExecutions = 100_000, maxDuration = "60s")
  void decode(byte[] input) {
    decodeFilter(input);
    decodeDelta(input);
  }

  private static void decodeFilter(byte[] input) {
    RevocationFilter filter;
    try {
      filter = RevocationFilter.decode(input);
    } catch (PkiParseException expected) {
      return; // Rejected with the typed exception: the contract holds.
    }
    filter.isRevoked(BigInteger.ONE);
    filter.isRevoked(BigInteger.ONE.shiftLeft(159));
    requireSameBytes(filter.encoded(), input, "filter");
  }

  private static void decodeDelta(byte[] input) {
    RevocationDelta delta;
    try {
      delta = RevocationDelta.decode(input);
    } catch (PkiParseException expected) {
      return;
    }
    requireSameBytes(delta.encoded(), input, "delta");
  }

  /** One valid encoding per value: whatever decodes re-encodes to the input. */
  private static void requireSameBytes(byte[] encoded, byte[] input, String what) {
    if (!Arrays.equals(encoded, input)) {
      throw new IllegalStateException("a decoded " + what + " re-encodes to other bytes");
    }
  }
}
