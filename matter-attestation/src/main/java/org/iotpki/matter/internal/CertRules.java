// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.nio.charset.StandardCharsets;
import org.iotpki.matter.opcert.DnAttributeType;

/**
 * The value rules of an operational certificate's fields, on raw values: the model's records check
 * them when they are made, and the TLV reader checks them while converting without a model, so both
 * accept exactly the same certificates.
 */
public final class CertRules {
  private static final int MAX_SERIAL_LENGTH = 20;
  private static final int PUBLIC_KEY_LENGTH = 65;
  private static final int SIGNATURE_LENGTH = 64;
  private static final int KEY_USAGE_BITS = 0x1FF;

  private CertRules() {}

  /** @throws IllegalArgumentException unless the bytes are a DER INTEGER's minimal content of 1 to 20 bytes */
  public static void serialNumber(byte[] source, int offset, int length) {
    if (length == 0 || length > MAX_SERIAL_LENGTH) {
      throw new IllegalArgumentException("the serial number must be 1 to 20 bytes, not " + length);
    }
    if (length > 1
        && ((source[offset] == 0 && source[offset + 1] >= 0) || (source[offset] == (byte) 0xFF && source[offset + 1] < 0))) {
      throw new IllegalArgumentException("the serial number is not a minimal DER INTEGER");
    }
  }

  /** @throws IllegalArgumentException unless both times are Matter times and notBefore comes first */
  public static void validity(long notBefore, long notAfter) {
    MatterTime.check(notBefore, "notBefore");
    MatterTime.check(notAfter, "notAfter");
    if (notAfter != MatterTime.NO_EXPIRY && notBefore >= notAfter) {
      throw new IllegalArgumentException("notBefore " + notBefore + " is not before notAfter " + notAfter);
    }
  }

  /** @throws IllegalArgumentException unless the bytes are an uncompressed point's 65 bytes */
  public static void publicKey(byte[] source, int offset, int length) {
    if (length != PUBLIC_KEY_LENGTH || source[offset] != 0x04) {
      throw new IllegalArgumentException("the public key must be an uncompressed P-256 point (65 bytes, 0x04 first)");
    }
  }

  /** @throws IllegalArgumentException unless {@code length} is that of r || s */
  public static void signature(int length) {
    if (length != SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("the signature must be r || s, 64 bytes, not " + length);
    }
  }

  /** @throws IllegalArgumentException unless {@code type} is an identifier attribute that holds {@code value} */
  public static void matterId(DnAttributeType type, long value) {
    if (!type.isMatterId()) {
      throw new IllegalArgumentException(type + " is a string attribute, not a Matter identifier");
    }
    if (type.hexDigits() == 8 && (value & ~0xFFFF_FFFFL) != 0) {
      throw new IllegalArgumentException(type + " is 32-bit: " + Long.toUnsignedString(value, 16));
    }
  }

  /**
   * Checks a string attribute's UTF-8 value: a domainComponent is ASCII and never a
   * PrintableString, a PrintableString has only its characters.
   *
   * @throws IllegalArgumentException naming the rule broken
   */
  public static void text(DnAttributeType type, boolean printableString, byte[] utf8, int offset, int length) {
    if (type.isMatterId()) {
      throw new IllegalArgumentException(type + " is a Matter identifier, not a string");
    }
    if (type == DnAttributeType.DOMAIN_COMPONENT) {
      if (printableString) {
        throw new IllegalArgumentException("domainComponent is always an IA5String");
      }
      for (int i = offset; i < offset + length; i++) {
        if (utf8[i] < 0) {
          throw new IllegalArgumentException("domainComponent must be ASCII (IA5String)");
        }
      }
    }
    if (printableString) {
      for (int i = offset; i < offset + length; i++) {
        if (!isPrintableStringCharacter(utf8[i])) {
          throw new IllegalArgumentException("not a PrintableString: " + new String(utf8, offset, length, StandardCharsets.UTF_8));
        }
      }
    }
  }

  /** @throws IllegalArgumentException if bits other than RFC 5280's nine are set */
  public static void keyUsage(int bits) {
    if ((bits & ~KEY_USAGE_BITS) != 0) {
      throw new IllegalArgumentException("unknown keyUsage bits: 0x" + Integer.toHexString(bits));
    }
  }

  private static boolean isPrintableStringCharacter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || " '()+,-./:=?".indexOf(c) >= 0;
  }
}
