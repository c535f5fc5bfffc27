// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.c509;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.iotpki.core.crypto.ProviderStrategy;

/**
 * Fuzzes the C509 certificate and request decoders: any input may be rejected, but only with
 * {@link C509FormatException}; what decodes must also answer every accessor without a runtime
 * exception.
 *
 * <p>Replays {@code C509FuzzTestInputs/} in every test run, then fuzzes a bounded number of
 * executions in core's {@code fuzz-bounded-c509} surefire execution.
 */
class C509FuzzTest {

  @FuzzTest(maxExecutions = 70_000, maxDuration = "60s")
  void decode(byte[] input) {
    decodeCertificate(input);
    decodeRequest(input);
  }

  private static void decodeRequest(byte[] input) {
    C509CertificationRequest request;
    try {
      request = C509CertificationRequest.decode(input);
    } catch (C509FormatException expected) {
      return;
    }
    request.subject();
    try {
      request.verifySignature();
    } catch (C509FormatException expected) {
      // A well-formed request may still carry an unusable key.
    }
  }

  private static void decodeCertificate(byte[] input) {
    C509Certificate certificate;
    try {
      certificate = C509Certificate.decode(input);
    } catch (C509FormatException expected) {
      return; // Rejected with the typed exception: the contract holds.
    }
    certificate.subject();
    certificate.issuer();
    certificate.notAfter();
    certificate.signatureAlgorithmOid();
    certificate.extensions();
    try {
      certificate.publicKey(ProviderStrategy.bouncyCastle());
    } catch (C509FormatException expected) {
      // A well-formed certificate may still carry an unusable key.
    }
  }
}
