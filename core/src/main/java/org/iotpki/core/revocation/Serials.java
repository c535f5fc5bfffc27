// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.math.BigInteger;
import java.util.Arrays;

/** Certificate serial numbers as the filters hash and encode them. */
final class Serials {
  /**
   * The longest magnitude accepted, in bytes: RFC 5280 allows 20 octets of DER, and a 20-byte
   * magnitude covers that as well as the non-conforming 21st sign octet some CAs write.
   */
  static final int MAX_BYTES = 20;

  private Serials() {}

  /** Whether a certificate of an issued set may carry {@code serial}: positive, at most 20 bytes. */
  static boolean isValid(BigInteger serial) {
    return serial.signum() > 0 && serial.bitLength() <= MAX_BYTES * 8;
  }

  /** {@code serial}, or an IllegalArgumentException naming it and its {@code role}. */
  static BigInteger requireValid(BigInteger serial, String role) {
    if (serial == null) {
      throw new IllegalArgumentException("null " + role + " serial");
    }
    if (!isValid(serial)) {
      throw new IllegalArgumentException(
          role + " serial " + hex(serial) + " is not a positive number of at most " + MAX_BYTES + " bytes");
    }
    return serial;
  }

  /** The big-endian magnitude of a positive serial, without the sign byte: what is hashed and encoded. */
  static byte[] magnitude(BigInteger serial) {
    byte[] bytes = serial.toByteArray();
    return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  /** For messages: {@code 0x1f}, {@code -0x1f}. */
  static String hex(BigInteger serial) {
    return (serial.signum() < 0 ? "-0x" : "0x") + serial.abs().toString(16);
  }
}
