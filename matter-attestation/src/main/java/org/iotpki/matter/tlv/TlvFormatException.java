// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.tlv;

import org.iotpki.core.PkiParseException;

/**
 * Matter TLV bytes were malformed: truncated, badly nested, with a length past the end, an
 * illegal or duplicate tag, a reserved element type, or a value of the wrong type for its use.
 *
 * <p>The {@linkplain #offset() offset} is that of the element (or byte) at fault.
 */
public class TlvFormatException extends PkiParseException {
  private static final long serialVersionUID = 1L;

  /** A malformation at {@code offset} bytes from the start of the TLV input. */
  public TlvFormatException(String message, long offset) {
    super(message, offset);
  }
}
