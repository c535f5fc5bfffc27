package org.iotpki.matter.opcert;

import java.util.Objects;

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
      if (!type.isMatterId()) {
        throw new IllegalArgumentException(type + " is a string attribute, not a Matter identifier");
      }
      if (type.hexDigits() == 8 && (value & ~0xFFFF_FFFFL) != 0) {
        throw new IllegalArgumentException(type + " is 32-bit: " + Long.toUnsignedString(value, 16));
      }
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
      if (type.isMatterId()) {
        throw new IllegalArgumentException(type + " is a Matter identifier, not a string");
      }
      if (type == DnAttributeType.DOMAIN_COMPONENT) {
        if (printableString) {
          throw new IllegalArgumentException("domainComponent is always an IA5String");
        }
        if (!value.chars().allMatch(c -> c < 0x80)) {
          throw new IllegalArgumentException("domainComponent must be ASCII (IA5String)");
        }
      }
      if (printableString && !value.chars().allMatch(Text::isPrintableStringCharacter)) {
        throw new IllegalArgumentException("not a PrintableString: " + value);
      }
    }

    /** The characters X.680 allows in a PrintableString. */
    static boolean isPrintableStringCharacter(int c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || " '()+,-./:=?".indexOf(c) >= 0;
    }

    @Override
    public String toString() {
      return type + "=" + value;
    }
  }
}
