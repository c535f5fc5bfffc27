// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.acme;

import java.io.IOException;

/**
 * Publishes the answer to one type of ACME challenge, so that the CA can validate the client's
 * control of an identifier. {@link Http01Responder} answers http-01 itself; a dns-01 responder is
 * the caller's (it writes {@link AcmeChallenge#dnsRecordName()} TXT {@link
 * AcmeChallenge#response()} at its DNS provider).
 *
 * <p>The client tries its responders in order and uses the first whose {@link #type()} the CA
 * offers for the identifier. This is also where device-attest-01 (draft-acme-device-attest) will
 * go, once acme4j carries its attestation statement; acme4j 3.5.1 does not.
 */
public interface ChallengeResponder {
  /** The challenge type this responder answers, e.g. {@link AcmeChallenge#HTTP_01}. */
  String type();

  /**
   * Makes {@code challenge}'s answer visible to the CA; returns when it is.
   *
   * @throws IOException if it cannot be published (the enrollment then fails as a transport
   *     failure, and may be retried)
   */
  void deploy(AcmeChallenge challenge) throws IOException;

  /** Withdraws the answer once the CA has validated (or refused) it. */
  void remove(AcmeChallenge challenge) throws IOException;
}
