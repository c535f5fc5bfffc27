// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP response, whatever its status.
 *
 * @param status the status code
 * @param headers header names (lower case) and their values
 * @param body the whole body (bounded by the transport)
 */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

  /** @throws IllegalArgumentException for a status outside 100..599 */
  public HttpResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    TreeMap<String, List<String>> lowerCase = new TreeMap<>();
    headers.forEach(
        (name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    headers = Map.copyOf(lowerCase);
    body = body.clone();
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The server's Retry-After (RFC 9110 section 10.2.3), in delay-seconds or as an HTTP-date
   * relative to {@code now}; empty when absent or unreadable. A date in the past is zero.
   */
  public Optional<Duration> retryAfter(Instant now) {
    return header("retry-after").map(String::trim).flatMap(value -> parseRetryAfter(value, now));
  }

  private static Optional<Duration> parseRetryAfter(String value, Instant now) {
    if (!value.isEmpty() && value.length() <= 10 && value.chars().allMatch(Character::isDigit)) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return "HTTP " + status + " (" + body.length + " bytes)";
  }
}
