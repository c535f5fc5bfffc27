// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.math.BigInteger;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/** The serials a complete, direct CRL revokes. */
final class CrlSerials {
  private static final String DELTA_CRL_INDICATOR = "2.5.29.27";

  private CrlSerials() {}

  /**
   * Every serial on {@code crl}.
   *
   * @throws IllegalArgumentException for a delta CRL (it lists changes, not the revoked set), an
   *     entry of an indirect CRL for another issuer, or a removeFromCRL entry (delta CRLs only)
   */
  static List<BigInteger> revoked(X509CRL crl) {
    Objects.requireNonNull(crl, "crl");
    if (crl.getExtensionValue(DELTA_CRL_INDICATOR) != null) {
      throw new IllegalArgumentException("a delta CRL lists changes, not every revoked serial: use the complete CRL");
    }
    Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
    if (entries == null) {
      return List.of();
    }
    X500Principal issuer = crl.getIssuerX500Principal();
    List<BigInteger> serials = new ArrayList<>(entries.size());
    for (X509CRLEntry entry : entries) {
      BigInteger serial = entry.getSerialNumber();
      X500Principal certificateIssuer = entry.getCertificateIssuer();
      if (certificateIssuer != null && !certificateIssuer.equals(issuer)) {
        throw new IllegalArgumentException("CRL entry " + Serials.hex(serial) + " is for another issuer ("
            + certificateIssuer.getName() + "): an indirect CRL needs one filter per issuer");
      }
      if (entry.getRevocationReason() == CRLReason.REMOVE_FROM_CRL) {
        throw new IllegalArgumentException(
            "CRL entry " + Serials.hex(serial) + " is removeFromCRL, which only a delta CRL may carry");
      }
      serials.add(serial);
    }
    return serials;
  }
}
