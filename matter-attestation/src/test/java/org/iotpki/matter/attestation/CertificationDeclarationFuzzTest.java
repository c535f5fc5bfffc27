// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.PublicKey;
import java.util.Arrays;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.internal.CmsSignedCd;

/**
 * Fuzzes the Certification Declaration decoders: the TLV content and its CMS envelope may reject
 * any input, but only with their typed exceptions; accepted content must survive a re-encoding.
 * {@code mvn test} replays {@code CertificationDeclarationFuzzTestInputs/}; the {@code fuzz-bounded-cd}
 * execution fuzzes.
 */
class CertificationDeclarationFuzzTest {
  private static final PublicKey KEY = key();

  private static PublicKey key() {
    try {
      return TestAttestationPki.keyPair("secp256r1").getPublic();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest(maxExecutions = 50_000, maxDuration = "45s")
  void decode(byte[] input) {
    try {
      CmsSignedCd.parse(input).verifiedContent(KEY);
    } catch (PkiParseException expected) {
      // rejected with a typed exception: fine
    }
    CertificationDeclaration cd;
    try {
      cd = CertificationDeclaration.decode(input);
    } catch (AttestationFormatException expected) {
      return;
    }
    byte[] encoded = cd.encode();
    try {
      if (!Arrays.equals(CertificationDeclaration.decode(encoded).encode(), encoded)) {
        throw new AssertionError("a re-encoded Certification Declaration decodes differently");
      }
    } catch (AttestationFormatException e) {
      throw new AssertionError("the decoder rejects the encoding of what it accepted", e);
    }
  }
}
