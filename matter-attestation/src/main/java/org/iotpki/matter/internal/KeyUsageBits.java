// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import org.iotpki.core.PkiParseException;

/**
 * The keyUsage BIT STRING in DER, from and to Matter's number where bit n is RFC 5280 bit n (X.509
 * numbers bits from the most significant bit of the first byte, so each byte is bit-reversed).
 */
public final class KeyUsageBits {
  private KeyUsageBits() {}

  /** The Matter number of a DER keyUsage BIT STRING. */
  public static int fromDer(DerReader.Element bitString) throws PkiParseException {
    byte[] content = bitString.content();
    if (content.length < 1 || content.length > 3) {
      throw new PkiParseException("keyUsage of " + (content.length - 1) + " bytes", bitString.start());
    }
    int bits = 0;
    for (int i = 1; i < content.length; i++) {
      bits |= (Integer.reverse(content[i] & 0xFF) >>> 24) << (8 * (i - 1));
    }
    return bits;
  }
}
