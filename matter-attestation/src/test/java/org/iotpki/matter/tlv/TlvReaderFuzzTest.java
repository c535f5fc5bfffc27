// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.tlv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.iotpki.matter.testing.TlvCopy;

/**
 * Fuzzes the TLV reader: any input may be rejected, but only with {@link TlvFormatException}; an
 * input that is accepted must read the same after a canonical rewrite. {@code mvn test} replays
 * {@code TlvReaderFuzzTestInputs/}; the {@code fuzz-bounded} execution fuzzes.
 */
class TlvReaderFuzzTest {
  @FuzzTest(maxExecutions = 70_000, maxDuration = "60s")
  void read(byte[] input) {
    String text;
    try {
      text = TlvText.format(input);
    } catch (TlvFormatException expected) {
      return;
    }
    try {
      byte[] canonical = TlvCopy.canonical(input);
      if (!TlvText.format(canonical).equals(text)) {
        throw new AssertionError("the canonical rewrite reads differently");
      }
    } catch (TlvFormatException e) {
      throw new AssertionError("the reader accepted the input but rejects its canonical rewrite", e);
    }
  }
}
