// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;

/**
 * Fuzzes the PKCS#10 decoder and the request's proof of possession: decoding may reject any input,
 * but only with {@link PkiParseException}; what decodes answers every accessor and its signature
 * check answers with a {@link SignatureResult}. Jazzer reports anything else (and an
 * OutOfMemoryError) as a finding.
 *
 * <p>The seeds are OpenSSL's requests (P-256 with a challenge password and extensions, RSA,
 * Ed25519). They replay in every test run; {@code ./mvnw -Pfuzz verify} fuzzes from them.
 */
class CertificationRequestFuzzTest {
  private static final SignatureVerifier VERIFIER = SignatureVerifier.bouncyCastle();

  @FuzzTest(maxDuration = "30s")
  void decodeAndVerify(byte[] input) {
    CertificationRequest request;
    try {
      request = CertificationRequest.decode(input);
    } catch (PkiParseException expected) {
      return; // Rejected with the typed exception: the contract holds.
    }
    request.subject();
    request.requestedExtensions();
    request.signatureAlgorithmParameters();
    request.challengePassword().ifPresent(password -> Arrays.fill(password, '\0'));
    if (VERIFIER.verify(request) == null) {
      throw new IllegalStateException("no signature result");
    }
  }
}
