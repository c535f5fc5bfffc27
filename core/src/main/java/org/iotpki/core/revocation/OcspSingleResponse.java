// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.security.cert.CRLReason;
import java.time.Instant;
import java.util.Optional;

/** One SingleResponse of an OCSP response (RFC 6960 4.2.1), decoded. */
record OcspSingleResponse(
    OcspCertId certId,
    Status status,
    Optional<Instant> revocationTime,
    Optional<CRLReason> reason,
    Instant thisUpdate,
    Optional<Instant> nextUpdate) {

  /** The CertStatus choice. */
  enum Status {
    GOOD,
    REVOKED,
    UNKNOWN
  }
}
