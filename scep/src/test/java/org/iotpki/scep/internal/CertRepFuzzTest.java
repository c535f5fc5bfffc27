// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.iotpki.core.PkiParseException;

/**
 * Fuzzes the CertRep reader: any input may be refused, only with {@link PkiParseException}.
 * {@code mvn test} replays {@code CertRepFuzzTestInputs/} (micromdm's recorded answers); the
 * {@code fuzz-bounded} execution fuzzes.
 */
class CertRepFuzzTest {
  private static final CertRep.Expected EXPECTED = expected();

  private static CertRep.Expected expected() {
    try {
      return MicromdmRecording.expected("03-PKCSReq-request-POST-body.der.b64",
          MicromdmRecording.requesterKey());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest(maxExecutions = 35_000, maxDuration = "60s")
  void read(byte[] input) {
    try {
      CertRep.read(input, EXPECTED);
    } catch (PkiParseException expected) {
      // refused with the typed exception: fine
    }
  }
}
