// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

/** What decided a {@link RevocationResult}. */
public enum RevocationSource {
  /** A response fetched from the certificate's OCSP responder (RFC 6960). */
  OCSP,
  /** An OCSP response the peer presented (stapled) and that was verified here. */
  STAPLED_OCSP,
  /** The issuer's CRL. */
  CRL,
  /** The issuer's {@link RevocationFilter}, with its deltas. */
  REVOCATION_FILTER,
  /** None: the certificate lives too short to be worth revoking, and is exempt. */
  SHORT_LIVED_CERTIFICATE,
  /** Nothing: no configured source covers the certificate's issuer ({@link RevocationFailure#NO_SOURCE}). */
  NONE
}
