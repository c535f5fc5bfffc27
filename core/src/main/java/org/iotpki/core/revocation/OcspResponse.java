// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * An OCSP response (RFC 6960 4.2.1), decoded but not verified. Only a successful one has a body.
 *
 * @param status the OCSPResponseStatus (0 successful, 1 malformedRequest, 2 internalError, 3
 *     tryLater, 5 sigRequired, 6 unauthorized)
 * @param body the BasicOCSPResponse of a successful response
 */
record OcspResponse(int status, Optional<Body> body) {
  static final int SUCCESSFUL = 0;
  static final int INTERNAL_ERROR = 2;
  static final int TRY_LATER = 3;

  /**
   * A BasicOCSPResponse.
   *
   * @param signedData the DER of its tbsResponseData, as signed
   * @param responderName the ResponderID byName, if it is one
   * @param responderKeyHash the ResponderID byKey, if it is one
   * @param nonce the nonce extension's value, if present
   */
  record Body(
      byte[] signedData,
      String signatureAlgorithmOid,
      byte[] signature,
      Optional<X500Principal> responderName,
      Optional<byte[]> responderKeyHash,
      Instant producedAt,
      List<OcspSingleResponse> responses,
      List<X509Certificate> certificates,
      Optional<byte[]> nonce) {}
}
