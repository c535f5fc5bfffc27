// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.testing.MutableClock;

/**
 * Fuzzes the OCSP response decoder and the verification behind {@link OcspClient#verifyStapled}:
 * the decoder may reject any input, but only with {@link PkiParseException}; verification always
 * answers with a {@link RevocationResult} and never accepts a response no issuer signed. Jazzer
 * reports anything else (and an OutOfMemoryError) as a finding.
 *
 * <p>The seeds are real responses of {@code openssl ocsp} (CA-signed with a nonce, by a delegated
 * responder, byKey without certificates, tryLater). They replay in every test run; core's {@code
 * fuzz-bounded-ocsp} surefire execution fuzzes a bounded number of executions from them.
 */
class OcspResponseFuzzTest {
  private static final Issuer CA;
  private static final X509Certificate DEVICE;
  private static final OcspClient HUB;

  static {
    try {
      CA = Issuer.root("CN=fuzz seed CA", KeyAlgorithm.EC_P256);
      DEVICE = CA.leaf("CN=dev").certificate();
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
    HUB = OcspClient.builder().policy(OcspPolicy.STAPLED_ONLY).clock(new MutableClock(Instant.now())).build();
  }

  @FuzzTest(maxExecutions = 35_000, maxDuration = "30s")
  void verifyStapled(byte[] input) {
    try {
      OcspResponse response = OcspResponseDecoder.decode(input);
      response.body().ifPresent(body -> body.responses().forEach(single -> single.certId().key()));
    } catch (PkiParseException expected) {
      // Rejected with the typed exception: the contract holds.
    }
    RevocationResult result = HUB.verifyStapled(DEVICE, CA.certificate(), input);
    if (result.isAccepted()) {
      throw new IllegalStateException("accepted a response the CA's key never signed: " + result);
    }
  }
}
