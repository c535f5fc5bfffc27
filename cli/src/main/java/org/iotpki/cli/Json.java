// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes JSON from maps, lists, strings, numbers, booleans and null; maps keep their order. */
final class Json {
  private Json() {}

  /** The value as indented JSON text. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      string((String) value, out);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map) {
      container(((Map<?, ?>) value).entrySet().iterator(), '{', '}', out, indent);
    } else if (value instanceof List) {
      container(((List<?>) value).iterator(), '[', ']', out, indent);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  private static void container(Iterator<?> items, char open, char close, StringBuilder out, String indent) {
    out.append(open);
    if (!items.hasNext()) {
      out.append(close);
      return;
    }
    String inner = indent + "  ";
    while (items.hasNext()) {
      Object item = items.next();
      out.append('\n').append(inner);
      if (item instanceof Map.Entry) {
        string(String.valueOf(((Map.Entry<?, ?>) item).getKey()), out);
        out.append(": ");
        write(((Map.Entry<?, ?>) item).getValue(), out, inner);
      } else {
        write(item, out, inner);
      }
      if (items.hasNext()) {
        out.append(',');
      }
    }
    out.append('\n').append(indent).append(close);
  }

  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
