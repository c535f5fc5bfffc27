// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

/** The bits of the keyUsage extension (RFC 5280 4.2.1.3), in bit order. */
public enum KeyUsage {
  DIGITAL_SIGNATURE,
  NON_REPUDIATION,
  KEY_ENCIPHERMENT,
  DATA_ENCIPHERMENT,
  KEY_AGREEMENT,
  KEY_CERT_SIGN,
  CRL_SIGN,
  ENCIPHER_ONLY,
  DECIPHER_ONLY;

  /** The bit number in the KeyUsage BIT STRING, as {@code X509Certificate.getKeyUsage()} indexes it. */
  public int bit() {
    return ordinal();
  }
}
