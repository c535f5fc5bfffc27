// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP answer of the EST server, before it is sent.
 *
 * @param status the HTTP status
 * @param headers header names and values, in order
 * @param body the body, empty for none
 */
record EstAnswer(int status, Map<String, String> headers, byte[] body) {
  static final String CERTS_ONLY = "application/pkcs7-mime; smime-type=certs-only";

  EstAnswer {
    headers = Map.copyOf(headers);
  }

  /** A status without a body. */
  static EstAnswer empty(int status) {
    return new EstAnswer(status, Map.of(), new byte[0]);
  }

  /** A status with a plain-text reason. */
  static EstAnswer text(int status, String text) {
    return new EstAnswer(
        status,
        Map.of("Content-Type", "text/plain; charset=utf-8"),
        (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** 200 with a body already in base64 (or, for a fault, claiming to be). */
  static EstAnswer base64(String contentType, byte[] base64) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("Content-Transfer-Encoding", "base64");
    return new EstAnswer(200, headers, base64);
  }

  /** This answer with one more header. */
  EstAnswer with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new EstAnswer(status, more, body);
  }

  /** The headers as {@code com.sun.net.httpserver.Headers} takes them. */
  Map<String, List<String>> multiValueHeaders() {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach((name, value) -> multi.put(name, List.of(value)));
    return multi;
  }
}
