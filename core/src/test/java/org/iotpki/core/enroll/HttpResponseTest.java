// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retry-After as RFC 9110 section 10.2.3 defines it, with its own examples. */
class HttpResponseTest {
  private static final Instant NOW = Instant.parse("1999-12-31T23:58:00Z");

  private static HttpResponse withRetryAfter(String value) {
    return new HttpResponse(503, Map.of("Retry-After", List.of(value)), new byte[0]);
  }

  @Test
  void readsDelaySecondsAndHttpDates() {
    assertThat(withRetryAfter("120").retryAfter(NOW)).contains(Duration.ofSeconds(120));
    assertThat(withRetryAfter("Fri, 31 Dec 1999 23:59:59 GMT").retryAfter(NOW))
        .contains(Duration.ofSeconds(119));
    assertThat(withRetryAfter("Fri, 31 Dec 1999 23:00:00 GMT").retryAfter(NOW))
        .contains(Duration.ZERO);
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(withRetryAfter("soon").retryAfter(NOW)).isEmpty();
    assertThat(withRetryAfter("-5").retryAfter(NOW)).isEmpty();
    assertThat(withRetryAfter("99999999999999999999").retryAfter(NOW)).isEmpty();
    assertThat(new HttpResponse(202, Map.of(), new byte[0]).retryAfter(NOW)).isEmpty();
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    HttpResponse response =
        new HttpResponse(200, Map.of("Content-Type", List.of("application/pkcs7-mime")), new byte[0]);
    assertThat(response.header("content-type")).contains("application/pkcs7-mime");
    assertThat(response.header("CONTENT-TYPE")).contains("application/pkcs7-mime");
  }
}
