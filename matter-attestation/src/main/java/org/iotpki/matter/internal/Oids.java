// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import org.iotpki.core.PkiParseException;

/** OBJECT IDENTIFIER contents to their dotted form, strictly (DER: no padding, nothing cut off). */
public final class Oids {
  /** More arcs than any OID in a certificate has; bounds the text built for a hostile input. */
  private static final int MAX_CONTENT_BYTES = 64;

  private Oids() {}

  /** The dotted form of the content octets of an OID element at {@code offset}. */
  public static String dotted(DerReader.Element oid) throws PkiParseException {
    int length = oid.contentLength();
    if (length == 0 || length > MAX_CONTENT_BYTES) {
      throw new PkiParseException("OID of " + length + " bytes", oid.start());
    }
    byte[] in = oid.input();
    StringBuilder text = new StringBuilder();
    long arc = 0;
    boolean first = true;
    for (int i = oid.contentStart(); i < oid.contentEnd(); i++) {
      int b = in[i] & 0xFF;
      if (arc == 0 && b == 0x80) {
        throw new PkiParseException("OID arc with a leading 0x80 byte", oid.start());
      }
      if (arc >>> 56 != 0) {
        throw new PkiParseException("OID arc too large", oid.start());
      }
      arc = (arc << 7) | (b & 0x7F);
      if ((b & 0x80) != 0) {
        continue;
      }
      if (first) {
        long top = Math.min(arc / 40, 2);
        text.append(top).append('.').append(arc - 40 * top);
        first = false;
      } else {
        text.append('.').append(arc);
      }
      arc = 0;
    }
    if ((in[oid.contentEnd() - 1] & 0x80) != 0) {
      throw new PkiParseException("OID ends inside an arc", oid.start());
    }
    return text.toString();
  }
}
