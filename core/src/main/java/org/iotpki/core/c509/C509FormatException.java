// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.c509;

import org.iotpki.core.PkiParseException;

/** Bytes that should be a C509 certificate are malformed CBOR or not a valid C509 structure. */
public final class C509FormatException extends PkiParseException {
  private static final long serialVersionUID = 1L;

  /** A malformation, with the lower-level cause. */
  public C509FormatException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A malformation. */
  public C509FormatException(String message) {
    super(message);
  }
}
