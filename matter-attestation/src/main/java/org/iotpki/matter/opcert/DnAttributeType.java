// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import java.util.Arrays;
import java.util.Optional;

/**
 * The distinguished name attributes a Matter certificate can carry, with their TLV tag numbers
 * (the connectedhomeip OID table) and X.509 OIDs.
 *
 * <p>The Matter identifiers are numbers in TLV and upper-case hex UTF8Strings in X.509: 16 digits
 * for the 64-bit ones, 8 for the 32-bit CASE Authenticated Tag. The other attributes are strings,
 * UTF8String or PrintableString (tag number | 0x80 in TLV); domainComponent is always an IA5String.
 */
public enum DnAttributeType {
  COMMON_NAME(1, "2.5.4.3", 0),
  SURNAME(2, "2.5.4.4", 0),
  SERIAL_NUMBER(3, "2.5.4.5", 0),
  COUNTRY_NAME(4, "2.5.4.6", 0),
  LOCALITY_NAME(5, "2.5.4.7", 0),
  STATE_OR_PROVINCE_NAME(6, "2.5.4.8", 0),
  ORGANIZATION_NAME(7, "2.5.4.10", 0),
  ORGANIZATIONAL_UNIT_NAME(8, "2.5.4.11", 0),
  TITLE(9, "2.5.4.12", 0),
  NAME(10, "2.5.4.41", 0),
  GIVEN_NAME(11, "2.5.4.42", 0),
  INITIALS(12, "2.5.4.43", 0),
  GENERATION_QUALIFIER(13, "2.5.4.44", 0),
  DN_QUALIFIER(14, "2.5.4.46", 0),
  PSEUDONYM(15, "2.5.4.65", 0),
  DOMAIN_COMPONENT(16, "0.9.2342.19200300.100.1.25", 0),
  MATTER_NODE_ID(17, "1.3.6.1.4.1.37244.1.1", 16),
  MATTER_FIRMWARE_SIGNING_ID(18, "1.3.6.1.4.1.37244.1.2", 16),
  MATTER_ICAC_ID(19, "1.3.6.1.4.1.37244.1.3", 16),
  MATTER_RCAC_ID(20, "1.3.6.1.4.1.37244.1.4", 16),
  MATTER_FABRIC_ID(21, "1.3.6.1.4.1.37244.1.5", 16),
  MATTER_NOC_CAT(22, "1.3.6.1.4.1.37244.1.6", 8),
  /** Newer connectedhomeip versions; carried here as a string attribute. */
  MATTER_VID_VERIFICATION_SIGNER_ID(23, "1.3.6.1.4.1.37244.1.7", 0);

  private final int tagNumber;
  private final String oid;
  private final int hexDigits;

  DnAttributeType(int tagNumber, String oid, int hexDigits) {
    this.tagNumber = tagNumber;
    this.oid = oid;
    this.hexDigits = hexDigits;
  }

  /** The TLV context tag number (without the PrintableString flag 0x80). */
  public int tagNumber() {
    return tagNumber;
  }

  /** The X.509 attribute type OID, dotted. */
  public String oid() {
    return oid;
  }

  /** Whether the value is a Matter identifier (a number), rather than a string. */
  public boolean isMatterId() {
    return hexDigits != 0;
  }

  /** The hex digits of the X.509 form of a Matter identifier (16 or 8), 0 for strings. */
  public int hexDigits() {
    return hexDigits;
  }

  /** The type with TLV tag number {@code tagNumber} (without the 0x80 flag). */
  public static Optional<DnAttributeType> ofTagNumber(long tagNumber) {
    return Arrays.stream(values()).filter(type -> type.tagNumber == tagNumber).findFirst();
  }

  /** The type with X.509 OID {@code oid}. */
  public static Optional<DnAttributeType> ofOid(String oid) {
    return Arrays.stream(values()).filter(type -> type.oid.equals(oid)).findFirst();
  }
}
