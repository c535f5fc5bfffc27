// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.HttpResponse;

/**
 * Fuzzes the reading of CMP answers: whatever bytes the server sends, an enrollment ends in an
 * outcome or an {@link EnrollmentTransportException}, never another exception. {@code mvn test}
 * replays {@code CmpAnswerFuzzTestInputs/} (answers of OpenSSL's mock server, saved with {@code
 * openssl cmp -rspout}); the {@code fuzz-bounded} execution fuzzes.
 */
class CmpAnswerFuzzTest {
  // One key for every run: generating one per input would be most of the work.
  private static final EnrollmentRequest REQUEST = EnrollmentRequest.builder()
      .subject("CN=fuzz").key(KeyPairs.generate(KeyAlgorithm.EC_P256)).build();

  @FuzzTest(maxExecutions = 20_000, maxDuration = "30s")
  void readAnswer(byte[] answer) {
    CmpClient client = CmpClient.builder(URI.create("http://cmp.example/pkix/"))
        .sharedSecret("fuzz", "secret".toCharArray())
        // One PBM iteration: 10,000 would make each run a few milliseconds of hashing.
        .pbm(new PbmParameters("SHA-256", 1, "HMAC-SHA256", true))
        .transport(request -> new HttpResponse(200,
            Map.of("Content-Type", List.of("application/pkixcmp")), answer))
        .build();
    try {
      client.enroll(REQUEST);
    } catch (EnrollmentTransportException expected) {
      // refused with the typed exception: fine
    }
  }
}
