// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.iotpki.core.PkiParseException;

/**
 * Splits PEM text (RFC 7468, "lax" parsing) into blocks.
 *
 * <p>Text outside blocks (such as the explanatory text {@code openssl x509 -text} prints) is
 * ignored. Inside a block, white space is ignored, RFC 1421 headers are refused (they only occur in
 * legacy encrypted keys), the END label must match the BEGIN label, and base64 is decoded strictly.
 */
public final class PemTokenizer {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";
  private static final int MAX_LABEL_LENGTH = 64;

  private PemTokenizer() {}

  /** Whether {@code input} contains a PEM BEGIN line at all. */
  public static boolean looksLikePem(byte[] input) {
    return new String(input, StandardCharsets.ISO_8859_1).contains(BEGIN);
  }

  /** All blocks of {@code input}; at least one, at most {@code maxBlocks}. */
  public static List<PemBlock> blocks(byte[] input, int maxBlocks) throws PkiParseException {
    // ISO-8859-1 maps each byte to one char, so string indexes are byte offsets.
    String text = new String(input, StandardCharsets.ISO_8859_1);
    List<PemBlock> blocks = new ArrayList<>();
    String label = null;
    int blockStart = 0;
    StringBuilder base64 = new StringBuilder();
    int lineStart = 0;
    while (lineStart < text.length()) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? text.length() : newline;
      String line = text.substring(lineStart, lineEnd).strip();
      if (label == null) {
        if (line.startsWith(BEGIN)) {
          label = label(line, BEGIN, lineStart);
          blockStart = lineStart;
          base64.setLength(0);
        }
      } else if (line.startsWith(END)) {
        String endLabel = label(line, END, lineStart);
        if (!endLabel.equals(label)) {
          throw new PkiParseException(
              "PEM block BEGIN " + label + " ends with END " + endLabel, lineStart);
        }
        if (blocks.size() == maxBlocks) {
          throw new PkiParseException("more than " + maxBlocks + " PEM blocks", blockStart);
        }
        blocks.add(new PemBlock(label, decode(base64, label, blockStart), blockStart));
        label = null;
      } else if (line.startsWith(BEGIN)) {
        throw new PkiParseException("PEM block " + label + " has no END line", blockStart);
      } else if (line.indexOf(':') >= 0) {
        throw new PkiParseException(
            line.startsWith("Proc-Type")
                ? "legacy encrypted PEM (Proc-Type header) is not supported; convert the key to"
                    + " PKCS#8 (openssl pkcs8 -topk8)"
                : "PEM headers are not allowed (RFC 7468)",
            lineStart);
      } else {
        base64.append(line);
      }
      lineStart = lineEnd + 1;
    }
    if (label != null) {
      throw new PkiParseException("PEM block " + label + " has no END line", blockStart);
    }
    if (blocks.isEmpty()) {
      throw new PkiParseException("no PEM block found");
    }
    return blocks;
  }

  private static String label(String line, String prefix, int offset) throws PkiParseException {
    if (!line.endsWith(DASHES) || line.length() < prefix.length() + DASHES.length()) {
      throw new PkiParseException("malformed PEM boundary line", offset);
    }
    String label = line.substring(prefix.length(), line.length() - DASHES.length());
    if (label.length() > MAX_LABEL_LENGTH || !label.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new PkiParseException("malformed PEM label", offset);
    }
    return label;
  }

  private static byte[] decode(StringBuilder base64, String label, int offset)
      throws PkiParseException {
    StringBuilder compact = new StringBuilder(base64.length());
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      if (!Character.isWhitespace(c)) {
        compact.append(c);
      }
    }
    if (compact.length() == 0) {
      throw new PkiParseException("PEM block " + label + " is empty", offset);
    }
    try {
      return Base64.getDecoder().decode(compact.toString());
    } catch (IllegalArgumentException e) {
      throw new PkiParseException(
          "PEM block " + label + " is not valid base64: " + e.getMessage(), offset);
    }
  }
}
