// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iotpki.core.PkiParseException;

/**
 * Structural validation of DER before any parser allocates for it.
 *
 * <p>Walks every tag and length of the input, nested up to {@link #MAX_DEPTH}, and checks that each
 * definite length fits inside its parent. Content bytes are not interpreted. Once an element has
 * passed, a parser that trusts its lengths cannot be made to allocate more than the input's size.
 */
public final class Der {
  /** Deeper nesting than any certificate, CRL or key needs; bounds recursion. */
  public static final int MAX_DEPTH = 32;

  private static final int MAX_LENGTH_OCTETS = 4;
  private static final int MAX_TAG_NUMBER_OCTETS = 4;

  private Der() {}

  /**
   * Splits {@code input} into its top-level DER elements (one, or several concatenated).
   *
   * @param maxElements the most elements accepted
   * @param baseOffset the offset of {@code input} in a larger input, for error messages
   */
  public static List<byte[]> splitElements(byte[] input, int maxElements, long baseOffset)
      throws PkiParseException {
    if (input.length == 0) {
      throw new PkiParseException("empty input", baseOffset);
    }
    List<byte[]> elements = new ArrayList<>();
    int offset = 0;
    while (offset < input.length) {
      if (elements.size() == maxElements) {
        throw new PkiParseException(
            "more than " + maxElements + " DER elements", baseOffset + offset);
      }
      int end = scan(input, offset, input.length, 0, baseOffset);
      elements.add(Arrays.copyOfRange(input, offset, end));
      offset = end;
    }
    return elements;
  }

  /** Whether {@code input} is exactly one well-formed DER element. */
  public static boolean isSingleElement(byte[] input) {
    try {
      return input.length > 0 && scan(input, 0, input.length, 0, 0) == input.length;
    } catch (PkiParseException e) {
      return false;
    }
  }

  /** Validates the element at {@code offset} and returns the offset just past it. */
  private static int scan(byte[] in, int offset, int limit, int depth, long base)
      throws PkiParseException {
    if (depth > MAX_DEPTH) {
      throw new PkiParseException("DER nested deeper than " + MAX_DEPTH + " levels", base + offset);
    }
    int position = offset;
    int identifier = in[position++] & 0xff;
    if ((identifier & 0x1f) == 0x1f) {
      position = skipHighTagNumber(in, position, limit, base);
    }
    if (position >= limit) {
      throw new PkiParseException("DER element truncated before its length", base + offset);
    }
    int first = in[position++] & 0xff;
    long length;
    if (first < 0x80) {
      length = first;
    } else if (first == 0x80) {
      throw new PkiParseException("indefinite length is not DER", base + offset);
    } else {
      int octets = first & 0x7f;
      if (octets > MAX_LENGTH_OCTETS) {
        throw new PkiParseException("DER length of " + octets + " octets", base + offset);
      }
      if (position + octets > limit) {
        throw new PkiParseException("DER length truncated", base + offset);
      }
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (in[position++] & 0xff);
      }
    }
    if (length > limit - position) {
      throw new PkiParseException(
          "DER length " + length + " exceeds the remaining " + (limit - position) + " bytes",
          base + offset);
    }
    int end = position + (int) length;
    boolean constructed = (identifier & 0x20) != 0;
    if (constructed) {
      int child = position;
      while (child < end) {
        child = scan(in, child, end, depth + 1, base);
      }
    }
    return end;
  }

  private static int skipHighTagNumber(byte[] in, int position, int limit, long base)
      throws PkiParseException {
    for (int i = 0; i < MAX_TAG_NUMBER_OCTETS; i++) {
      if (position >= limit) {
        throw new PkiParseException("DER tag truncated", base + position);
      }
      if ((in[position++] & 0x80) == 0) {
        return position;
      }
    }
    throw new PkiParseException("DER tag number too long", base + position);
  }
}
