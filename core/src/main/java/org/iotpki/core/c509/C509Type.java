package org.iotpki.core.c509;

/** The c509CertificateType field: how the certificate's signature was made. */
public enum C509Type {
  /** Type 2: natively signed; the signature covers the CBOR encoding. */
  NATIVE(2),
  /** Type 3: a re-encoded X.509 certificate; the signature covers the original DER. */
  REENCODED_X509(3);

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
    throw new C509FormatException("c509CertificateType " + code + " is not supported (2 and 3 are)");
  }
}
