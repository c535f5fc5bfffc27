// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the reader of Matter revocation sets (JSON from the DCL or a file given to {@code matter
 * verify --revocation-set}): any text may be rejected, but only with {@link
 * AttestationFormatException}. Jazzer reports anything else (and an OutOfMemoryError or a stack
 * overflow from deep nesting) as a finding.
 *
 * <p>The seeds are the revocation sets of the attestation tests. They replay in every test run;
 * {@code ./mvnw -Pfuzz verify} fuzzes from them.
 */
class RevocationSetFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parse(byte[] input) {
    try {
      RevocationSet.parse(new String(input, StandardCharsets.UTF_8)).size();
    } catch (AttestationFormatException expected) {
      // Rejected with the typed exception: the contract holds.
    }
  }
}
