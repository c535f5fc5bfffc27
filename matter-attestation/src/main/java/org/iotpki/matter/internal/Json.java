// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotpki.core.PkiParseException;

/**
 * A strict reader of JSON (RFC 8259) into {@link Map}, {@link List}, {@link String},
 * {@link BigDecimal}, {@link Boolean} and {@code null}, for the small files attestation reads (DCL
 * exports, revocation sets). Nesting is bounded; duplicate keys and trailing data are errors.
 */
public final class Json {
  private static final int MAX_DEPTH = 32;

  private final String text;
  private int position;
  private int depth;

  private Json(String text) {
    this.text = text;
  }

  /** The value of a JSON document. */
  public static Object parse(String text) throws PkiParseException {
    Json json = new Json(text);
    json.skipSpace();
    Object value = json.value();
    json.skipSpace();
    if (json.position != text.length()) {
      throw json.fail("data after the JSON value");
    }
    return value;
  }

  private Object value() throws PkiParseException {
    if (position >= text.length()) {
      throw fail("unexpected end of JSON");
    }
    char c = text.charAt(position);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() throws PkiParseException {
    enter();
    position++;
    Map<String, Object> members = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      position++;
      depth--;
      return members;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw fail("expected a member name");
      }
      String name = string();
      skipSpace();
      expect(':');
      skipSpace();
      if (members.containsKey(name)) {
        throw fail("duplicate member \"" + name + "\"");
      }
      members.put(name, value());
      skipSpace();
      if (peek() == ',') {
        position++;
        continue;
      }
      expect('}');
      depth--;
      return members;
    }
  }

  private List<Object> array() throws PkiParseException {
    enter();
    position++;
    List<Object> elements = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      position++;
      depth--;
      return elements;
    }
    while (true) {
      skipSpace();
      elements.add(value());
      skipSpace();
      if (peek() == ',') {
        position++;
        continue;
      }
      expect(']');
      depth--;
      return elements;
    }
  }

  private String string() throws PkiParseException {
    position++;
    StringBuilder out = new StringBuilder();
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw fail("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (position >= text.length()) {
        break;
      }
      char escape = text.charAt(position++);
      switch (escape) {
        case '"', '\\', '/' -> out.append(escape);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (position + 4 > text.length()) {
            throw fail("truncated \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
          } catch (NumberFormatException e) {
            throw fail("bad \\u escape");
          }
          position += 4;
        }
        default -> throw fail("bad escape \\" + escape);
      }
    }
    throw fail("unterminated string");
  }

  private BigDecimal number() throws PkiParseException {
    int start = position;
    while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
    String number = text.substring(start, position);
    if (number.isEmpty() || number.length() > 64 || !number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]{1,4})?")) {
      position = start;
      throw fail("not a JSON value");
    }
    return new BigDecimal(number);
  }

  private Object literal(String word, Object value) throws PkiParseException {
    if (!text.startsWith(word, position)) {
      throw fail("not a JSON value");
    }
    position += word.length();
    return value;
  }

  private void enter() throws PkiParseException {
    if (++depth > MAX_DEPTH) {
      throw fail("JSON nested deeper than " + MAX_DEPTH);
    }
  }

  private char peek() throws PkiParseException {
    if (position >= text.length()) {
      throw fail("unexpected end of JSON");
    }
    return text.charAt(position);
  }

  private void expect(char c) throws PkiParseException {
    if (peek() != c) {
      throw fail("expected '" + c + "'");
    }
    position++;
  }

  private void skipSpace() {
    while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
  }

  private PkiParseException fail(String message) {
    return new PkiParseException(message, position);
  }
}
