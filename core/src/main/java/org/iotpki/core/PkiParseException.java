// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core;

/**
 * Untrusted bytes (PEM, DER, and later TLV, CBOR, CMS, HTTP bodies) were malformed or of an
 * unexpected kind.
 *
 * <p>Every decoder in iotpki reports malformed input with this exception or a subclass of it,
 * never with a runtime exception from the parsing engine. The message says what was wrong; the
 * {@linkplain #offset() offset} says where, when it is known.
 */
public class PkiParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Returned by {@link #offset()} when the position of the problem is not known. */
  public static final long UNKNOWN_OFFSET = -1;

  private final long offset;
  private final String problem;

  /** A parse failure at an unknown position. */
  public PkiParseException(String message) {
    this(message, UNKNOWN_OFFSET, null);
  }

  /** A parse failure at {@code offset} bytes from the start of the input. */
  public PkiParseException(String message, long offset) {
    this(message, offset, null);
  }

  /** A parse failure caused by a lower-level error, at an unknown position. */
  public PkiParseException(String message, Throwable cause) {
    this(message, UNKNOWN_OFFSET, cause);
  }

  /** A parse failure at {@code offset}, caused by a lower-level error. */
  public PkiParseException(String message, long offset, Throwable cause) {
    super(offset == UNKNOWN_OFFSET ? message : message + " (at offset " + offset + ")", cause);
    this.offset = offset;
    this.problem = message;
  }

  /**
   * What was wrong, without the offset that {@link #getMessage()} appends: for decoders that
   * report the problem again at another offset (of an enclosing structure).
   */
  public String problem() {
    return problem;
  }

  /** Byte offset of the problem from the start of the input, or {@link #UNKNOWN_OFFSET}. */
  public long offset() {
    return offset;
  }
}
