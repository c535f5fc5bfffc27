// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzzes the attestation elements decoder: any input may be rejected, but only with
 * {@link AttestationFormatException}; accepted elements must survive a re-encoding. {@code mvn test}
 * replays {@code AttestationElementsFuzzTestInputs/}; the {@code fuzz-bounded-elements} execution
 * fuzzes.
 */
class AttestationElementsFuzzTest {
  @FuzzTest(maxExecutions = 50_000, maxDuration = "45s")
  void decode(byte[] input) {
    AttestationElements elements;
    try {
      elements = AttestationElements.decode(input);
    } catch (AttestationFormatException expected) {
      return;
    }
    byte[] encoded = elements.encode();
    if (encoded.length > AttestationElements.MAX_LENGTH) {
      return; // re-encoding may grow past RESP_MAX (canonical integer widths); nothing to compare
    }
    try {
      if (!Arrays.equals(AttestationElements.decode(encoded).encode(), encoded)) {
        throw new AssertionError("re-encoded attestation elements decode differently");
      }
    } catch (AttestationFormatException e) {
      throw new AssertionError("the decoder rejects the encoding of what it accepted", e);
    }
  }
}
