// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 messages as bytes, as the {@link FaultProxy} relays them: one exchange per connection,
 * so every message it writes says {@code Connection: close} and an answer is read to its end.
 */
final class RawHttp {
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
  /** Headers about the connection or the framing, which the proxy sets itself. */
  private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "upgrade",
      "http2-settings", "content-length", "transfer-encoding");

  private RawHttp() {}

  /**
   * A request: its first line, its end-to-end headers and its body.
   *
   * @param requestLine e.g. {@code POST /scep?operation=PKIOperation HTTP/1.1}
   */
  record Request(String requestLine, List<String> headers, byte[] body) {
    /** The path and query. */
    String target() {
      String[] parts = requestLine.split(" ");
      return parts.length > 1 ? parts[1] : "";
    }

    boolean isHead() {
      return requestLine.startsWith("HEAD ");
    }

    byte[] encode() {
      return RawHttp.encode(requestLine, headers, body, !requestLine.startsWith("GET ")
          && !isHead());
    }
  }

  /** An answer: its status line, its end-to-end headers and its (de-chunked) body. */
  record Response(String statusLine, List<String> headers, byte[] body) {
    static Response text(int status, String text) {
      return new Response("HTTP/1.1 " + status + " Scripted",
          List.of("Content-Type: text/plain; charset=utf-8"),
          (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    Response with(String name, String value) {
      List<String> more = new ArrayList<>(headers);
      more.add(name + ": " + value);
      return new Response(statusLine, more, body);
    }

    Response withBody(byte[] other) {
      return new Response(statusLine, headers, other);
    }

    /** The status line and headers, with the body's length and {@code Connection: close}. */
    byte[] head() {
      return headText(statusLine, headers, body.length).getBytes(StandardCharsets.ISO_8859_1);
    }

    byte[] encode() {
      return RawHttp.encode(statusLine, headers, body, true);
    }
  }

  static Request readRequest(InputStream in) throws IOException {
    List<String> lines = readHead(in);
    String requestLine = lines.get(0);
    List<String> headers = lines.subList(1, lines.size());
    if (header(headers, "transfer-encoding") != null) {
      return new Request(requestLine, endToEnd(headers), readChunked(in));
    }
    return new Request(requestLine, endToEnd(headers), readFixed(in, headers));
  }

  /** Reads an answer; {@code toHead} says the request was a HEAD, whose answer has no body. */
  static Response readResponse(InputStream in, boolean toHead) throws IOException {
    List<String> lines = readHead(in);
    List<String> headers = lines.subList(1, lines.size());
    String[] status = lines.get(0).split(" ");
    byte[] body;
    if (toHead || status.length < 2 || status[1].startsWith("1") || status[1].equals("204")
        || status[1].equals("304")) {
      body = new byte[0];
    } else if (header(headers, "transfer-encoding") != null) {
      body = readChunked(in);
    } else if (header(headers, "content-length") != null) {
      body = readFixed(in, headers);
    } else {
      body = in.readNBytes(MAX_BODY_BYTES); // the server closes after its answer
    }
    return new Response(lines.get(0), endToEnd(headers), body);
  }

  private static byte[] encode(String firstLine, List<String> headers, byte[] body,
      boolean withLength) {
    String head = withLength || body.length > 0 ? headText(firstLine, headers, body.length)
        : headText(firstLine, headers, -1);
    byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  private static String headText(String firstLine, List<String> headers, int length) {
    StringBuilder head = new StringBuilder(firstLine).append("\r\n");
    headers.forEach(header -> head.append(header).append("\r\n"));
    if (length >= 0) {
      head.append("Content-Length: ").append(length).append("\r\n");
    }
    return head.append("Connection: close\r\n\r\n").toString();
  }

  private static List<String> readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the message ended in its head");
      }
      if (head.size() >= MAX_HEAD_BYTES) {
        throw new IOException("a message head over " + MAX_HEAD_BYTES + " bytes");
      }
      head.write(b);
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1)
          ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>(List.of(text.substring(0, text.length() - 4)
        .split("\r\n")));
    if (lines.get(0).isEmpty()) {
      throw new IOException("no start line");
    }
    return lines;
  }

  private static byte[] readFixed(InputStream in, List<String> headers) throws IOException {
    String length = header(headers, "content-length");
    if (length == null) {
      return new byte[0];
    }
    long bytes;
    try {
      bytes = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw new IOException("Content-Length is not a number: " + length, e);
    }
    if (bytes < 0 || bytes > MAX_BODY_BYTES) {
      throw new IOException("Content-Length out of bounds: " + bytes);
    }
    byte[] body = in.readNBytes((int) bytes);
    if (body.length != bytes) {
      throw new IOException("the body ended after " + body.length + " of " + bytes + " bytes");
    }
    return body;
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      int semicolon = sizeLine.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon))
            .trim(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("not a chunk size: " + sizeLine, e);
      }
      if (size < 0 || body.size() + (long) size > MAX_BODY_BYTES) {
        throw new IOException("a chunked body over " + MAX_BODY_BYTES + " bytes");
      }
      if (size == 0) {
        while (!readLine(in).isEmpty()) {
          // trailers: dropped
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length != size) {
        throw new IOException("a chunk ended early");
      }
      body.write(chunk);
      readLine(in);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0 || line.length() > 1024) {
        throw new IOException("a chunk line ended early or is too long");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static String header(List<String> headers, String name) {
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return header.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static List<String> endToEnd(List<String> headers) {
    List<String> kept = new ArrayList<>();
    for (String header : headers) {
      int colon = header.indexOf(':');
      String name = colon > 0 ? header.substring(0, colon).trim().toLowerCase(Locale.ROOT) : "";
      if (!HOP_BY_HOP.contains(name)) {
        kept.add(header);
      }
    }
    return List.copyOf(kept);
  }
}
