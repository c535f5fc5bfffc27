// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.c509;

/**
 * A certificate has no form in the other encoding: an X.509 certificate that C509 cannot
 * re-encode byte for byte (its signature would no longer verify), or a natively signed C509
 * certificate, which has no DER original.
 */
public final class C509ConversionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A certificate that cannot be converted, and why. */
  public C509ConversionException(String message) {
    super(message);
  }

  /** A certificate that cannot be converted, with the lower-level cause. */
  public C509ConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
