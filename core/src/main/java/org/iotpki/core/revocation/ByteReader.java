// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.util.Arrays;
import org.iotpki.core.PkiParseException;

/**
 * Reads big-endian fields from untrusted bytes: every read is checked against what remains before
 * anything is allocated, and every problem is a {@link PkiParseException} with its offset.
 */
final class ByteReader {
  private final byte[] input;
  private int offset;

  ByteReader(byte[] input) {
    this.input = input;
  }

  /**
   * Consumes the {@code magic} bytes and a version byte equal to {@code version}, or fails naming
   * {@code what} the input was expected to be.
   */
  void expectHeader(byte[] magic, int version, String what) throws PkiParseException {
    if (input.length < magic.length || !Arrays.equals(input, 0, magic.length, magic, 0, magic.length)) {
      throw new PkiParseException("not an iotpki " + what + " (bad magic)", 0);
    }
    offset = magic.length;
    int actual = u8(what + " version");
    if (actual != version) {
      throw new PkiParseException("unsupported " + what + " version " + actual, offset - 1);
    }
  }

  int u8(String field) throws PkiParseException {
    require(1, field);
    return input[offset++] & 0xff;
  }

  long u32(String field) throws PkiParseException {
    require(Integer.BYTES, field);
    long value = 0;
    for (int i = 0; i < Integer.BYTES; i++) {
      value = value << 8 | (input[offset++] & 0xff);
    }
    return value;
  }

  /** Any 64 bits. */
  long u64(String field) throws PkiParseException {
    require(Long.BYTES, field);
    return u32(field) << 32 | u32(field);
  }

  /** An unsigned 64-bit field that must fit a {@code long} (top bit clear). */
  long u63(String field) throws PkiParseException {
    int start = offset;
    long value = u64(field);
    if (value < 0) {
      throw new PkiParseException(field + " larger than 2^63 - 1", start);
    }
    return value;
  }

  /** The next {@code length} bytes, allocated only once they are known to be there. */
  byte[] bytes(int length, String field) throws PkiParseException {
    require(length, field);
    byte[] bytes = Arrays.copyOfRange(input, offset, offset + length);
    offset += length;
    return bytes;
  }

  int remaining() {
    return input.length - offset;
  }

  int offset() {
    return offset;
  }

  /** Fails unless every byte was read. */
  void requireEnd(String what) throws PkiParseException {
    if (remaining() != 0) {
      throw new PkiParseException(remaining() + " trailing bytes after the " + what, offset);
    }
  }

  /** A parse failure at the current offset. */
  PkiParseException error(String message) {
    return new PkiParseException(message, offset);
  }

  private void require(int length, String field) throws PkiParseException {
    if (length > remaining()) {
      throw new PkiParseException(
          "truncated: the " + field + " needs " + length + " bytes, " + remaining() + " remain", offset);
    }
  }
}
