// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

/**
 * The control byte of Matter TLV (Matter Core specification, appendix A.7 and A.8): the top three
 * bits select the tag form, the low five bits the element type. Shared by the reader and writer so
 * both agree on every code.
 */
public final class TlvWire {
  public static final int SIGNED_1 = 0x00;
  public static final int UNSIGNED_1 = 0x04;
  public static final int FALSE = 0x08;
  public static final int TRUE = 0x09;
  public static final int FLOAT_4 = 0x0A;
  public static final int FLOAT_8 = 0x0B;
  public static final int UTF8_LENGTH_1 = 0x0C;
  public static final int BYTES_LENGTH_1 = 0x10;
  public static final int NULL = 0x14;
  public static final int STRUCTURE = 0x15;
  public static final int ARRAY = 0x16;
  public static final int LIST = 0x17;
  public static final int END_OF_CONTAINER = 0x18;
  /** Element types 0x19 to 0x1F are reserved. */
  public static final int FIRST_RESERVED = 0x19;

  public static final int TAG_ANONYMOUS = 0;
  public static final int TAG_CONTEXT = 1;
  public static final int TAG_COMMON_2 = 2;
  public static final int TAG_COMMON_4 = 3;
  public static final int TAG_IMPLICIT_2 = 4;
  public static final int TAG_IMPLICIT_4 = 5;
  public static final int TAG_FULLY_QUALIFIED_6 = 6;
  public static final int TAG_FULLY_QUALIFIED_8 = 7;

  private TlvWire() {}

  /** The width code (0..3 for 1, 2, 4, 8 bytes) of the smallest field holding {@code value} unsigned. */
  public static int unsignedWidthCode(long value) {
    if ((value & ~0xFFL) == 0) {
      return 0;
    } else if ((value & ~0xFFFFL) == 0) {
      return 1;
    } else if ((value & ~0xFFFF_FFFFL) == 0) {
      return 2;
    }
    return 3;
  }

  /** The width code of the smallest two's complement field holding {@code value}. */
  public static int signedWidthCode(long value) {
    if (value == (byte) value) {
      return 0;
    } else if (value == (short) value) {
      return 1;
    } else if (value == (int) value) {
      return 2;
    }
    return 3;
  }
}
