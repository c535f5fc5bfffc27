// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.tlv;

/** The type of a Matter TLV element (Matter Core specification, appendix A.7). */
public enum TlvType {
  /** A two's complement integer of 1, 2, 4 or 8 bytes. */
  SIGNED_INTEGER,
  /** An unsigned integer of 1, 2, 4 or 8 bytes. */
  UNSIGNED_INTEGER,
  /** {@code true} or {@code false}; the value is in the control byte. */
  BOOLEAN,
  /** An IEEE 754 binary32 or binary64 number. */
  FLOAT,
  /** A UTF-8 string with a 1, 2, 4 or 8 byte length. */
  UTF8_STRING,
  /** An octet string with a 1, 2, 4 or 8 byte length. */
  BYTE_STRING,
  /** The null value. */
  NULL,
  /** A container of uniquely tagged members, none anonymous. */
  STRUCTURE,
  /** A container of anonymous members, in order. */
  ARRAY,
  /** A container of members in order, tagged or not. */
  LIST;

  /** Whether elements of this type contain other elements. */
  public boolean isContainer() {
    return this == STRUCTURE || this == ARRAY || this == LIST;
  }
}
