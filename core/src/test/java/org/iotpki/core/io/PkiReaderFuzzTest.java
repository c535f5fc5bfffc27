// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.iotpki.core.PkiParseException;

/**
 * Fuzzes the PEM/DER reader: any input may be rejected, but only with {@link PkiParseException}.
 * Jazzer reports every other exception (and an OutOfMemoryError) as a finding.
 *
 * <p>{@code mvn test} replays the corpus in {@code PkiReaderFuzzTestInputs/} (seeds and past
 * findings); core's {@code fuzz-bounded} surefire execution then fuzzes for a bounded number of
 * executions.
 */
class PkiReaderFuzzTest {
  private static final PkiReader READER =
      PkiReader.builder().maxInputBytes(64 * 1024).maxPbkdf2Iterations(1000).build();
  private static final char[] PASSWORD = "password".toCharArray();

  @FuzzTest(maxExecutions = 100_000, maxDuration = "60s")
  void read(byte[] input) {
    try {
      READER.read(input);
    } catch (PkiParseException expected) {
      // Rejected with the typed exception: the contract holds.
    }
    try {
      READER.readPrivateKey(input, PASSWORD);
    } catch (PkiParseException expected) {
      // Same contract on the password path (encrypted PKCS#8).
    }
  }
}
