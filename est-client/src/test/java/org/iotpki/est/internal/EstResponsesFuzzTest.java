// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.HttpResponse;

/**
 * Fuzzes the EST response readers (certs-only, CsrAttrs, multipart /serverkeygen) with any body
 * under any content type: they may reject input only with {@link EnrollmentTransportException}.
 * {@code mvn test} replays {@code EstResponsesFuzzTestInputs/}; the {@code fuzz-bounded} execution
 * fuzzes.
 */
class EstResponsesFuzzTest {
  private static final URI URI = java.net.URI.create("https://est.example/.well-known/est/x");
  private static final List<String> CONTENT_TYPES = List.of(
      "application/pkcs7-mime; smime-type=certs-only",
      "application/csrattrs",
      "multipart/mixed; boundary=b",
      "multipart/mixed; boundary=\"estServerExampleBoundary\"",
      "multipart/mixed",
      "text/html");

  @FuzzTest(maxExecutions = 70_000, maxDuration = "60s")
  void readResponse(FuzzedDataProvider data) {
    String contentType = data.pickValue(CONTENT_TYPES);
    int reader = data.consumeInt(0, 2);
    HttpResponse response =
        new HttpResponse(200, Map.of("Content-Type", List.of(contentType)),
            data.consumeRemainingAsBytes());
    try {
      switch (reader) {
        case 0 -> EstResponses.certificates(response, URI);
        case 1 -> EstResponses.csrAttributes(response, URI).keyAlgorithm();
        default -> EstResponses.serverKey(response, URI);
      }
    } catch (EnrollmentTransportException expected) {
      // rejected with the typed exception: fine
    }
  }
}
