// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.util.Locale;

/** The upper-case hexadecimal text Matter puts in DN attributes of X.509 certificates. */
public final class Hex {
  private Hex() {}

  /** {@code value} as exactly {@code digits} upper-case hex digits. */
  public static String upper(long value, int digits) {
    String hex = Long.toHexString(value).toUpperCase(Locale.ROOT);
    return "0".repeat(Math.max(0, digits - hex.length())) + hex;
  }

  /** The value of hex digits that {@link #isUpperHex} accepted. */
  public static long parseUpper(String text) {
    return Long.parseUnsignedLong(text, 16);
  }

  /** Whether {@code text} is exactly {@code digits} characters of 0-9 and A-F. */
  public static boolean isUpperHex(String text, int digits) {
    if (text.length() != digits) {
      return false;
    }
    for (int i = 0; i < digits; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }
}
