// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.security.cert.X509Certificate;
import java.util.List;
import org.iotpki.core.cert.Credential;

/**
 * A certificate enrollment protocol client (EST, SCEP, CMP, ACME) behind one interface, so a
 * fleet can bootstrap with one protocol and renew with another.
 *
 * <p>Calls are synchronous and bounded by the client's timeouts. A refusal is an {@link
 * EnrollmentOutcome.Rejected} and a wait an {@link EnrollmentOutcome.Pending}; only a failure to
 * talk to the server at all is an exception. {@link RetryPolicy} adds retries and waiting.
 */
public interface EnrollmentClient {

  /**
   * The CA certificates the server distributes, to (re)build the device's trust store.
   *
   * @throws EnrollmentRejectedException if the server refuses to give them
   */
  List<X509Certificate> caCertificates() throws EnrollmentException;

  /**
   * A first certificate, authorized by the request's secrets (password, challenge) or by the
   * transport's client certificate.
   */
  EnrollmentOutcome enroll(EnrollmentRequest request) throws EnrollmentTransportException;

  /**
   * A new certificate to replace {@code current}, authorized by {@code current} itself (TLS client
   * authentication, or a signature with its key, as the protocol does it).
   */
  EnrollmentOutcome renew(Credential current, EnrollmentRequest request)
      throws EnrollmentTransportException;

  /**
   * Asks again about an enrollment the server left pending.
   *
   * @throws IllegalArgumentException if {@code pending} was made by a client of another protocol,
   *     or is a renewal (which needs {@link #poll(PendingEnrollment, Credential)})
   */
  EnrollmentOutcome poll(PendingEnrollment pending) throws EnrollmentTransportException;

  /**
   * Asks again about a renewal the server left pending, authorized by the credential being
   * renewed, as the first request was.
   *
   * @throws IllegalArgumentException if {@code pending} was made by a client of another protocol
   */
  EnrollmentOutcome poll(PendingEnrollment pending, Credential current)
      throws EnrollmentTransportException;

  /**
   * Asks again about a first enrollment the server left pending that was made with the caller's
   * own key, for protocols whose polls the requester signs (SCEP's CertPoll is signed, and its
   * answer encrypted, with the request's key). The default is {@link #poll(PendingEnrollment)}.
   *
   * @param requestKey the key the first request was made with
   * @throws IllegalArgumentException if {@code pending} was made by a client of another protocol
   */
  default EnrollmentOutcome poll(PendingEnrollment pending, EnrollmentKey.Existing requestKey)
      throws EnrollmentTransportException {
    return poll(pending);
  }
}
