// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.OptionalInt;
import org.iotpki.matter.internal.MatterDn;

/**
 * The vendor and product IDs of an attestation certificate's subject.
 *
 * <p>They come from the Matter DN attributes (matter-vid 1.3.6.1.4.1.37244.2.1 and matter-pid
 * .2.2, each exactly four upper-case hex digits), or, only when neither attribute is present, from
 * the legacy {@code Mvid:XXXX} and {@code Mpid:XXXX} fragments of the common name, as the SDK
 * reads them.
 *
 * @param vendorId the vendor ID, if the subject has one
 * @param productId the product ID, if the subject has one
 */
public record VidPid(OptionalInt vendorId, OptionalInt productId) {
  public VidPid {
    Objects.requireNonNull(vendorId, "vendorId");
    Objects.requireNonNull(productId, "productId");
    vendorId.ifPresent(id -> checkId(id, "vendorId"));
    productId.ifPresent(id -> checkId(id, "productId"));
  }

  /**
   * The IDs in {@code certificate}'s subject.
   *
   * @throws AttestationFormatException if an ID attribute is malformed or repeated, or a common
   *     name has {@code Mvid:}/{@code Mpid:} without four upper-case hex digits after it
   */
  public static VidPid of(X509Certificate certificate) throws AttestationFormatException {
    return MatterDn.vidPid(certificate.getSubjectX500Principal().getEncoded());
  }

  private static void checkId(int id, String what) {
    if (id < 0 || id > 0xFFFF) {
      throw new IllegalArgumentException(what + " must be 16 bits, was " + id);
    }
  }
}
