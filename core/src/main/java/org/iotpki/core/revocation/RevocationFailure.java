// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import org.iotpki.core.validation.ReasonCode;

/** Why a certificate's revocation status could not be established. */
public enum RevocationFailure implements ReasonCode {
  /**
   * The OCSP responder could not be reached, did not answer in time, answered with an HTTP error,
   * or said it cannot answer now (OCSP tryLater or internalError).
   */
  RESPONDER_UNREACHABLE,
  /** The responder refused the request (OCSP malformedRequest, sigRequired or unauthorized). */
  RESPONDER_ERROR,
  /** The answer is not a well-formed OCSP response. */
  MALFORMED_RESPONSE,
  /** The response's or CRL's signature does not verify. */
  SIGNATURE_INVALID,
  /** The response is signed neither by the issuer nor by a responder the issuer authorized. */
  UNAUTHORIZED_RESPONDER,
  /** The response or CRL is older than its nextUpdate, or its thisUpdate is in the future. */
  NOT_FRESH,
  /** The response does not carry the nonce of the request: it may be a replay. */
  NONCE_MISMATCH,
  /** The response says nothing about the certificate asked for. */
  NO_STATUS_FOR_CERTIFICATE,
  /** The responder does not know the certificate (OCSP status unknown). */
  CERTIFICATE_STATUS_UNKNOWN,
  /** The certificate names no OCSP responder (no id-ad-ocsp in its authorityInfoAccess). */
  NO_RESPONDER_URL,
  /** The policy allows only stapled responses and none was presented for the certificate. */
  NO_STAPLED_RESPONSE,
  /** No configured source covers the certificate's issuer. */
  NO_SOURCE
}
