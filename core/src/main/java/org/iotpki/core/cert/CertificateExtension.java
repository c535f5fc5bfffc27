// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.iotpki.core.internal.Der;

/**
 * An X.509 extension by OID, with its value as DER (the content of {@code extnValue}, without the
 * OCTET STRING wrapper). For extensions iotpki has no type for, such as a vendor's private OID.
 *
 * @param oid the extension's OID
 * @param critical whether a relying party that does not understand it must reject the certificate
 * @param value the DER encoding of the extension's value: exactly one DER element
 */
public record CertificateExtension(String oid, boolean critical, byte[] value) {

  /**
   * @throws IllegalArgumentException if the OID is malformed or {@code value} is not one DER element
   */
  public CertificateExtension {
    Objects.requireNonNull(oid, "oid");
    Objects.requireNonNull(value, "value");
    if (!oid.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
      throw new IllegalArgumentException("not an OID in dotted form: " + oid);
    }
    if (!Der.isSingleElement(value)) {
      throw new IllegalArgumentException("extension " + oid + ": value is not exactly one DER element");
    }
    value = value.clone();
  }

  /** A copy of the DER value. */
  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CertificateExtension
        && ((CertificateExtension) other).oid.equals(oid)
        && ((CertificateExtension) other).critical == critical
        && Arrays.equals(((CertificateExtension) other).value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(oid, critical, Arrays.hashCode(value));
  }

  @Override
  public String toString() {
    return "CertificateExtension[" + oid + (critical ? ", critical, " : ", ")
        + HexFormat.of().formatHex(value) + "]";
  }
}
