// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import java.util.Arrays;
import java.util.Optional;

/** The extended key usage purposes a Matter certificate can carry, with their TLV numbers. */
public enum ExtendedKeyPurpose {
  SERVER_AUTH(1, "1.3.6.1.5.5.7.3.1"),
  CLIENT_AUTH(2, "1.3.6.1.5.5.7.3.2"),
  CODE_SIGNING(3, "1.3.6.1.5.5.7.3.3"),
  EMAIL_PROTECTION(4, "1.3.6.1.5.5.7.3.4"),
  TIME_STAMPING(5, "1.3.6.1.5.5.7.3.8"),
  OCSP_SIGNING(6, "1.3.6.1.5.5.7.3.9");

  private final int id;
  private final String oid;

  ExtendedKeyPurpose(int id, String oid) {
    this.id = id;
    this.oid = oid;
  }

  /** The number that stands for this purpose in TLV. */
  public int id() {
    return id;
  }

  /** The X.509 KeyPurposeId OID, dotted. */
  public String oid() {
    return oid;
  }

  /** The purpose with TLV number {@code id}. */
  public static Optional<ExtendedKeyPurpose> ofId(long id) {
    return Arrays.stream(values()).filter(purpose -> purpose.id == id).findFirst();
  }

  /** The purpose with OID {@code oid}. */
  public static Optional<ExtendedKeyPurpose> ofOid(String oid) {
    return Arrays.stream(values()).filter(purpose -> purpose.oid.equals(oid)).findFirst();
  }
}
