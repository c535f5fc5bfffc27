// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A reader of {@code multipart/mixed} bodies (RFC 2046 section 5.1) as EST's /serverkeygen returns
 * them: the parts between the boundary delimiters, each with its headers.
 */
public final class Multipart {
  /** The most parts accepted; /serverkeygen has two. */
  public static final int MAX_PARTS = 8;

  private static final int MAX_BOUNDARY = 70;

  private Multipart() {}

  /** One part: its headers (lower-case names) and body. */
  public record Part(Map<String, String> headers, byte[] body) {
    /** A header of the part. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The media type of the part, lower case and without parameters; empty if absent. */
    public String mediaType() {
      return header("content-type").map(Multipart::mediaType).orElse("");
    }
  }

  /** The media type of a Content-Type value, lower case and without parameters. */
  public static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /** A parameter of a Content-Type value, unquoted. */
  public static Optional<String> parameter(String contentType, String name) {
    for (String piece : contentType.split(";")) {
      int equals = piece.indexOf('=');
      if (equals > 0 && piece.substring(0, equals).trim().equalsIgnoreCase(name)) {
        String value = piece.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /**
   * The parts of a multipart body.
   *
   * @throws IllegalArgumentException if the content type has no usable boundary or the body is
   *     not delimited by it
   */
  public static List<Part> parse(String contentType, byte[] body) {
    String boundary =
        parameter(contentType, "boundary")
            .orElseThrow(() -> new IllegalArgumentException("multipart without a boundary"));
    if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
      throw new IllegalArgumentException("multipart boundary of bad length");
    }
    // ISO-8859-1 maps bytes one to one, so offsets in the text are offsets in the body.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    int start = text.startsWith(delimiter) ? 0 : text.indexOf("\n" + delimiter);
    if (start < 0) {
      throw new IllegalArgumentException("multipart body without its boundary");
    }
    start = text.startsWith(delimiter) ? delimiter.length() : start + 1 + delimiter.length();
    List<Part> parts = new ArrayList<>();
    while (true) {
      if (text.startsWith("--", start)) {
        return parts; // the close delimiter
      }
      int headersStart = lineEnd(text, start);
      int next = text.indexOf("\n" + delimiter, headersStart);
      if (next < 0) {
        throw new IllegalArgumentException("multipart part without a closing boundary");
      }
      if (parts.size() == MAX_PARTS) {
        throw new IllegalArgumentException("more than " + MAX_PARTS + " parts");
      }
      int bodyEnd = next > 0 && text.charAt(next - 1) == '\r' ? next - 1 : next;
      parts.add(part(text, headersStart, bodyEnd));
      start = next + 1 + delimiter.length();
    }
  }

  private static Part part(String text, int from, int to) {
    Map<String, String> headers = new LinkedHashMap<>();
    int position = from;
    while (position < to) {
      int end = text.indexOf('\n', position);
      if (end < 0 || end > to) {
        end = to;
      }
      String line = text.substring(position, end).replaceFirst("\r$", "");
      position = Math.min(end + 1, to);
      if (line.isEmpty()) {
        byte[] partBody = text.substring(position, to).getBytes(StandardCharsets.ISO_8859_1);
        return new Part(Map.copyOf(headers), partBody);
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("malformed part header line");
      }
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    throw new IllegalArgumentException("multipart part without a blank line after its headers");
  }

  private static int lineEnd(String text, int from) {
    int end = text.indexOf('\n', from);
    if (end < 0) {
      throw new IllegalArgumentException("truncated multipart body");
    }
    return end + 1;
  }
}
