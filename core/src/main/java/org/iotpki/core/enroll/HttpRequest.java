// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.internal.Durations;

/**
 * One HTTP request of an enrollment protocol.
 *
 * @param method {@code GET} or {@code POST}
 * @param uri the absolute {@code http} or {@code https} URI
 * @param headers header names (lower case) and values, without {@code Host} or {@code
 *     Content-Length}, which the transport sets
 * @param body the body, empty for a GET
 * @param timeout how long the whole exchange may take, body included
 * @param clientCredential the key and certificate for TLS client authentication, if the request
 *     needs it
 */
public record HttpRequest(
    String method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    Duration timeout,
    Optional<Credential> clientCredential) {

  /** @throws IllegalArgumentException for another method, a relative URI or a bad timeout */
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    if (!method.equals("GET") && !method.equals("POST")) {
      throw new IllegalArgumentException("only GET and POST: " + method);
    }
    if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("not an absolute http(s) URI: " + uri);
    }
    TreeMap<String, String> lowerCase = new TreeMap<>();
    headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
    headers = Map.copyOf(lowerCase);
    body = body.clone();
    Durations.positive(timeout, "timeout");
    Objects.requireNonNull(clientCredential, "clientCredential");
  }

  /** A GET without client authentication. */
  public static HttpRequest get(URI uri, Map<String, String> headers, Duration timeout) {
    return new HttpRequest("GET", uri, headers, new byte[0], timeout, Optional.empty());
  }

  /** A POST without client authentication. */
  public static HttpRequest post(
      URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
    return new HttpRequest("POST", uri, headers, body, timeout, Optional.empty());
  }

  /** This request with TLS client authentication by {@code credential}. */
  public HttpRequest withClientCredential(Credential credential) {
    return new HttpRequest(method, uri, headers, body, timeout, Optional.of(credential));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    // Headers may carry credentials (Authorization).
    return method + " " + uri + " (" + body.length + " bytes"
        + (clientCredential.isPresent() ? ", client certificate" : "") + ")";
  }
}
