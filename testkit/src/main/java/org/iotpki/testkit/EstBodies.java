// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Locale;
import org.iotpki.core.io.PemEncoder;

/** The encodings of EST bodies: base64 with CRLF lines (RFC 8951), and multipart/mixed. */
final class EstBodies {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final Base64.Encoder BASE64_LINES = Base64.getMimeEncoder(64, CRLF);

  private EstBodies() {}

  /**
   * Base64: in lines of 64 characters each ending with CRLF (as RFC 7030's examples), or on one
   * line without a line break (RFC 4648 section 4, which RFC 8951 cites, and all strongSwan reads).
   */
  static byte[] base64(byte[] der, boolean lineBreaks) {
    String text = lineBreaks ? BASE64_LINES.encodeToString(der) + "\r\n" : Base64.getEncoder().encodeToString(der);
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Decodes a base64 body, ignoring white space and line breaks wherever they are.
   *
   * @throws IllegalArgumentException if what remains is not base64
   */
  static byte[] decodeBase64(byte[] body) {
    ByteArrayOutputStream compact = new ByteArrayOutputStream(body.length);
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        compact.write(b);
      }
    }
    return Base64.getDecoder().decode(compact.toByteArray());
  }

  /** The media type of a Content-Type header, lower case and without parameters; "" if absent. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * A multipart body (RFC 2046 section 5.1.1) of base64 parts, CRLF throughout.
   *
   * @param contentTypes the Content-Type of each part
   * @param payloads the base64 text of each part
   */
  static byte[] multipart(String boundary, String[] contentTypes, byte[][] payloads) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < contentTypes.length; i++) {
      write(body, "--" + boundary + "\r\n"
          + "Content-Type: " + contentTypes[i] + "\r\n"
          + "Content-Transfer-Encoding: base64\r\n"
          + "\r\n");
      body.writeBytes(payloads[i]);
      if (!endsWithCrlf(payloads[i])) {
        write(body, "\r\n"); // the delimiter starts on a line of its own
      }
    }
    write(body, "--" + boundary + "--\r\n");
    return body.toByteArray();
  }

  /** The unencrypted PKCS#8 PrivateKeyInfo (version 1, as OpenSSL 3.0 reads it) of a key. */
  static byte[] pkcs8(PrivateKey key) {
    String pem = PemEncoder.privateKey(key);
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
    return decodeBase64(base64.getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean endsWithCrlf(byte[] bytes) {
    return bytes.length >= 2 && bytes[bytes.length - 2] == '\r' && bytes[bytes.length - 1] == '\n';
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }
}
