// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.util.Arrays;
import org.iotpki.core.PkiParseException;

/**
 * A strict reader of DER elements in a slice of bytes: definite, minimal lengths only, each checked
 * against the bytes that remain before anything is copied. Matter certificates have a fixed shape,
 * so callers ask for the element they expect next.
 */
public final class DerReader {
  private final byte[] input;
  private final int end;
  private int position;

  /** One element: its tag, where it starts, and where its content starts and ends. */
  public record Element(int tag, int start, int contentStart, int contentEnd, byte[] input) {
    public byte[] content() {
      return Arrays.copyOfRange(input, contentStart, contentEnd);
    }

    public byte[] encoded() {
      return Arrays.copyOfRange(input, start, contentEnd);
    }

    public int contentLength() {
      return contentEnd - contentStart;
    }

    /** A reader over this element's content. */
    public DerReader contents() {
      return new DerReader(input, contentStart, contentEnd);
    }
  }

  public DerReader(byte[] input, int start, int end) {
    this.input = input;
    this.position = start;
    this.end = end;
  }

  /** A reader over all of {@code input}. */
  public static DerReader of(byte[] input) {
    return new DerReader(input, 0, input.length);
  }

  public boolean hasMore() {
    return position < end;
  }

  /** The tag of the next element, or -1 at the end. */
  public int peekTag() {
    return position < end ? input[position] & 0xFF : -1;
  }

  public int position() {
    return position;
  }

  /** The next element, which must have tag {@code expectedTag}. */
  public Element next(int expectedTag, String what) throws PkiParseException {
    if (position >= end) {
      throw new PkiParseException(what + " missing", position);
    }
    int start = position;
    int tag = input[position] & 0xFF;
    if (tag != expectedTag) {
      throw new PkiParseException(
          String.format(java.util.Locale.ROOT, "%s: expected tag 0x%02X, found 0x%02X", what, expectedTag, tag), start);
    }
    position++;
    if (position >= end) {
      throw new PkiParseException(what + ": truncated before its length", start);
    }
    int first = input[position++] & 0xFF;
    long length;
    if (first < 0x80) {
      length = first;
    } else {
      int octets = first & 0x7F;
      if (octets == 0 || octets > 3) {
        throw new PkiParseException(what + ": indefinite or oversized length", start);
      }
      if (end - position < octets) {
        throw new PkiParseException(what + ": length truncated", start);
      }
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (input[position++] & 0xFF);
      }
      if (length < 0x80 || (octets > 1 && length >>> (8 * (octets - 1)) == 0)) {
        throw new PkiParseException(what + ": length not in its shortest form", start);
      }
    }
    if (length > end - position) {
      throw new PkiParseException(
          what + ": length " + length + " exceeds the remaining " + (end - position) + " bytes", start);
    }
    int contentStart = position;
    position += (int) length;
    return new Element(tag, start, contentStart, position, input);
  }

  /**
   * The next element, which must be a BOOLEAN with the DER encoding of TRUE: a DEFAULT FALSE field
   * is present in DER only when it is true.
   */
  public Element nextTrue(String what) throws PkiParseException {
    Element flag = next(DerWriter.BOOLEAN, what);
    if (flag.contentLength() != 1 || (input[flag.contentStart()] & 0xFF) != 0xFF) {
      throw new PkiParseException(what + " must be DER TRUE when present (FALSE is the default)", flag.start());
    }
    return flag;
  }

  /** Checks that nothing follows. */
  public void expectEnd(String what) throws PkiParseException {
    if (position != end) {
      throw new PkiParseException("unexpected data after " + what, position);
    }
  }
}
