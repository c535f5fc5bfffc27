// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.io.ByteArrayOutputStream;

/** Builds DER elements by concatenation, always with minimal definite lengths. */
public final class DerWriter {
  public static final int BOOLEAN = 0x01;
  public static final int INTEGER = 0x02;
  public static final int BIT_STRING = 0x03;
  public static final int OCTET_STRING = 0x04;
  public static final int OID = 0x06;
  public static final int UTF8_STRING = 0x0C;
  public static final int PRINTABLE_STRING = 0x13;
  public static final int IA5_STRING = 0x16;
  public static final int UTC_TIME = 0x17;
  public static final int GENERALIZED_TIME = 0x18;
  public static final int SEQUENCE = 0x30;
  public static final int SET = 0x31;

  private DerWriter() {}

  /** One element: tag, minimal length, then the parts of the content in order. */
  public static byte[] element(int tag, byte[]... content) {
    int length = 0;
    for (byte[] part : content) {
      length += part.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
    out.write(tag);
    if (length < 0x80) {
      out.write(length);
    } else {
      int octets = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
      out.write(0x80 | octets);
      for (int i = octets - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    for (byte[] part : content) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  public static byte[] sequence(byte[]... content) {
    return element(SEQUENCE, content);
  }

  /** An OBJECT IDENTIFIER from its dotted form. */
  public static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    base128(content, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      base128(content, Long.parseLong(arcs[i]));
    }
    return element(OID, content.toByteArray());
  }

  /** The DER BOOLEAN TRUE. */
  public static byte[] booleanTrue() {
    return new byte[] {BOOLEAN, 1, (byte) 0xFF};
  }

  private static void base128(ByteArrayOutputStream out, long value) {
    int groups = 1;
    while ((value >>> (7 * groups)) != 0) {
      groups++;
    }
    for (int i = groups - 1; i >= 0; i--) {
      int group = (int) (value >>> (7 * i)) & 0x7F;
      out.write(i == 0 ? group : group | 0x80);
    }
  }
}
