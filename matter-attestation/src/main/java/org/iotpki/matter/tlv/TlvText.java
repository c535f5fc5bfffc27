// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.tlv;

import java.util.HexFormat;
import java.util.Locale;

/**
 * Matter TLV as indented text for people, one element a line:
 *
 * <pre>
 * structure anonymous {
 *   1: byte string (8) 534c458273623514
 *   2: unsigned 1
 *   3: list {
 *     20: unsigned 14612714909631283201 (0xCACACACA00000001)
 *   }
 * }
 * </pre>
 */
public final class TlvText {
  private TlvText() {}

  /**
   * The whole input as text.
   *
   * @throws TlvFormatException if the input is not well-formed TLV
   */
  public static String format(byte[] tlv) throws TlvFormatException {
    TlvReader reader = TlvReader.of(tlv);
    StringBuilder text = new StringBuilder();
    while (reader.next()) {
      element(reader, text, "");
    }
    return text.toString();
  }

  private static void element(TlvReader reader, StringBuilder text, String indent) throws TlvFormatException {
    text.append(indent);
    if (!reader.tag().isAnonymous() || reader.depth() == 0) {
      text.append(reader.tag()).append(": ");
    }
    TlvType type = reader.type();
    text.append(type.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    if (type.isContainer()) {
      text.append(" {\n");
      reader.enterContainer();
      while (reader.next()) {
        element(reader, text, indent + "  ");
      }
      reader.exitContainer();
      text.append(indent).append("}\n");
      return;
    }
    text.append(' ').append(value(reader)).append('\n');
  }

  /** The value of the current scalar element as text. */
  static String value(TlvReader reader) throws TlvFormatException {
    return switch (reader.type()) {
      case SIGNED_INTEGER -> Long.toString(reader.getSigned());
      case UNSIGNED_INTEGER -> {
        long unsigned = reader.getUnsigned();
        yield Long.toUnsignedString(unsigned)
            + (Long.compareUnsigned(unsigned, 9) > 0 ? String.format(Locale.ROOT, " (0x%X)", unsigned) : "");
      }
      case BOOLEAN -> Boolean.toString(reader.getBoolean());
      case FLOAT -> Double.toString(reader.getDouble());
      case UTF8_STRING -> quote(reader.getString());
      case BYTE_STRING -> "(" + reader.valueLength() + ") " + HexFormat.of().formatHex(reader.getBytes());
      default -> "";
    };
  }

  private static String quote(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7F) {
        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
