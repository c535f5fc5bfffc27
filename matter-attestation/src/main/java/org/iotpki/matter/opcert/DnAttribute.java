// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.iotpki.matter.internal.CertRules;

/**
 * One attribute of a Matter distinguished name: a {@link MatterId} (node, fabric, ICAC, RCAC,
 * firmware signing id, CASE Authenticated Tag) or a {@link Text} string.
 */
public sealed interface DnAttribute permits DnAttribute.MatterId, DnAttribute.Text {
  /** The attribute type. */
  DnAttributeType type();

  /** A Matter identifier attribute. */
  static DnAttribute matterId(DnAttributeType type, long value) {
    return new MatterId(type, value);
  }

  /** A string attribute, UTF8String in X.509 (IA5String for domainComponent). */
  static DnAttribute text(DnAttributeType type, String value) {
    return new Text(type, value, false);
  }

  /** A string attribute written as PrintableString in X.509. */
  static DnAttribute printableString(DnAttributeType type, String value) {
    return new Text(type, value, true);
  }

  /**
   * A Matter identifier.
   *
   * @param value the identifier, its 64 bits unsigned (at most 32 bits for a CASE Authenticated Tag)
   */
  record MatterId(DnAttributeType type, long value) implements DnAttribute {
    /** @throws IllegalArgumentException for a string type or a CAT above 32 bits */
    public MatterId {
      Objects.requireNonNull(type, "type");
      CertRules.matterId(type, value);
    }

    @Override
    public String toString() {
      return type + "=" + org.iotpki.matter.internal.Hex.upper(value, type.hexDigits());
    }
  }

  /**
   * A string attribute.
   *
   * @param printableString whether X.509 carries it as PrintableString (else UTF8String, or
   *     IA5String for domainComponent)
   */
  record Text(DnAttributeType type, String value, boolean printableString) implements DnAttribute {
    /** @throws IllegalArgumentException if the string does not fit its X.509 string type */
    public Text {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      CertRules.text(type, printableString, utf8, 0, utf8.length);
    }

    @Override
    public String toString() {
      return type + "=" + value;
    }
  }
}
