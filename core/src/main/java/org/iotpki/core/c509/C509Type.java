// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.c509;

/** The type field of a C509 certificate or request: how its signature was made. */
public enum C509Type {
  /** Type 2: natively signed; the signature covers the CBOR encoding. */
  NATIVE(2),
  /**
   * Type 3: a re-encoded X.509 certificate (or PKCS #10 request); the signature covers the
   * original DER.
   */
  REENCODED(3);

  private final int code;

  C509Type(int code) {
    this.code = code;
  }

  /** The value of c509CertificateType. */
  public int code() {
    return code;
  }

  static C509Type of(int code) throws C509FormatException {
    for (C509Type type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new C509FormatException("C509 type " + code + " is not supported (2 and 3 are)");
  }
}
