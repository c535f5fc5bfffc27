// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * EST's base64 (RFC 8951 section 3): bodies are base64 "regardless of any
 * Content-Transfer-Encoding header", and readers tolerate the line breaks, spaces and tabs that
 * servers insert. Writers emit plain RFC 4648 base64 without white space, which every server
 * reads (strongSwan 5.9.8, for one, does not skip white space).
 */
public final class EstBase64 {
  private EstBase64() {}

  /** Plain base64 of {@code der}, as US-ASCII bytes for an HTTP body. */
  public static byte[] encode(byte[] der) {
    return Base64.getEncoder().encode(der);
  }

  /**
   * The DER of a base64 body, white space skipped.
   *
   * @throws IllegalArgumentException if the body is not base64
   */
  public static byte[] decode(byte[] body) {
    byte[] compact = new byte[body.length];
    int length = 0;
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        compact[length++] = b;
      }
    }
    if (length == 0) {
      throw new IllegalArgumentException("empty body");
    }
    try {
      return Base64.getDecoder().decode(java.util.Arrays.copyOf(compact, length));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "body is not base64 (" + e.getMessage() + "): "
              + new String(body, 0, Math.min(body.length, 40), StandardCharsets.US_ASCII)
                  .replaceAll("[^\\x20-\\x7e]", "?"));
    }
  }
}
