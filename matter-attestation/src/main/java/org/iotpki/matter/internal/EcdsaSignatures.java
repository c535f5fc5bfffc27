// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.util.Arrays;
import org.iotpki.core.PkiParseException;

/** P-256 ECDSA signatures: Matter's raw r || s and X.509's DER Ecdsa-Sig-Value. */
public final class EcdsaSignatures {
  private static final int FIELD_LENGTH = 32;

  private EcdsaSignatures() {}

  /** {@code SEQUENCE { INTEGER r, INTEGER s }} for a 64-byte r || s. */
  public static byte[] toDer(byte[] raw) {
    return DerWriter.sequence(
        integer(Arrays.copyOfRange(raw, 0, FIELD_LENGTH)),
        integer(Arrays.copyOfRange(raw, FIELD_LENGTH, 2 * FIELD_LENGTH)));
  }

  /**
   * The 64-byte r || s of a DER Ecdsa-Sig-Value.
   *
   * @throws PkiParseException unless it is minimal DER with r and s of at most 32 bytes, positive
   */
  public static byte[] fromDer(DerReader reader) throws PkiParseException {
    DerReader fields = reader.next(DerWriter.SEQUENCE, "ECDSA signature").contents();
    byte[] raw = new byte[2 * FIELD_LENGTH];
    copyInteger(fields.next(DerWriter.INTEGER, "signature r"), raw, 0);
    copyInteger(fields.next(DerWriter.INTEGER, "signature s"), raw, FIELD_LENGTH);
    fields.expectEnd("signature s");
    reader.expectEnd("the ECDSA signature");
    return raw;
  }

  private static void copyInteger(DerReader.Element integer, byte[] raw, int at) throws PkiParseException {
    byte[] content = integer.content();
    int from = 0;
    if (content.length > 1 && content[0] == 0 && content[1] < 0) {
      from = 1;
    } else if (content.length == 0 || content[0] < 0 || (content.length > 1 && content[0] == 0)) {
      throw new PkiParseException("signature integer is not a minimal positive DER INTEGER", integer.start());
    }
    int length = content.length - from;
    if (length > FIELD_LENGTH) {
      throw new PkiParseException("signature integer longer than 32 bytes", integer.start());
    }
    System.arraycopy(content, from, raw, at + FIELD_LENGTH - length, length);
  }

  /** A minimal positive DER INTEGER for a big-endian unsigned number. */
  private static byte[] integer(byte[] unsigned) {
    int from = 0;
    while (from < unsigned.length - 1 && unsigned[from] == 0) {
      from++;
    }
    byte[] magnitude = Arrays.copyOfRange(unsigned, from, unsigned.length);
    return magnitude[0] < 0
        ? DerWriter.element(DerWriter.INTEGER, new byte[] {0}, magnitude)
        : DerWriter.element(DerWriter.INTEGER, magnitude);
  }
}
