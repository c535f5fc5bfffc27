// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.testing;

import org.iotpki.matter.tlv.TlvFormatException;
import org.iotpki.matter.tlv.TlvReader;
import org.iotpki.matter.tlv.TlvType;
import org.iotpki.matter.tlv.TlvWriter;

/** Reads TLV and writes it again with {@link TlvWriter}: the canonical form of the same elements. */
public final class TlvCopy {
  private TlvCopy() {}

  public static byte[] canonical(byte[] tlv) throws TlvFormatException {
    TlvReader reader = TlvReader.of(tlv);
    TlvWriter writer = TlvWriter.create();
    while (reader.next()) {
      copy(reader, writer);
    }
    return writer.toByteArray();
  }

  private static void copy(TlvReader reader, TlvWriter writer) throws TlvFormatException {
    switch (reader.type()) {
      case SIGNED_INTEGER -> writer.putSigned(reader.tag(), reader.getSigned());
      case UNSIGNED_INTEGER -> writer.putUnsigned(reader.tag(), reader.getUnsigned());
      case BOOLEAN -> writer.putBoolean(reader.tag(), reader.getBoolean());
      case FLOAT -> {
        if (reader.isSinglePrecision()) {
          writer.putFloat(reader.tag(), (float) reader.getDouble());
        } else {
          writer.putDouble(reader.tag(), reader.getDouble());
        }
      }
      case UTF8_STRING -> writer.putString(reader.tag(), reader.getString());
      case BYTE_STRING -> writer.putBytes(reader.tag(), reader.getBytes());
      case NULL -> writer.putNull(reader.tag());
      default -> {
        TlvType type = reader.type();
        if (type == TlvType.STRUCTURE) {
          writer.startStructure(reader.tag());
        } else if (type == TlvType.ARRAY) {
          writer.startArray(reader.tag());
        } else {
          writer.startList(reader.tag());
        }
        reader.enterContainer();
        while (reader.next()) {
          copy(reader, writer);
        }
        reader.exitContainer();
        writer.endContainer();
      }
    }
  }
}
