// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

/**
 * Sends one HTTP request and returns the response: the seam between the enrollment clients and the
 * network. {@link JdkHttpTransport} is the default; tests and users with their own HTTP stack plug
 * in another.
 *
 * <p>Implementations must honour {@link HttpRequest#timeout()} and {@link
 * HttpRequest#clientCredential()}, bound the response body, and return every HTTP status as a
 * response (4xx and 5xx included). They must be safe for use by several threads.
 */
@FunctionalInterface
public interface HttpTransport {

  /**
   * Sends {@code request}.
   *
   * @throws EnrollmentTransportException if no complete response arrived in time
   */
  HttpResponse send(HttpRequest request) throws EnrollmentTransportException;
}
