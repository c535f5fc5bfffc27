// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import org.iotpki.core.PkiParseException;

/**
 * Well-formed Matter TLV that is not a Matter operational certificate: a field missing, out of
 * order or of the wrong type, a value outside what the certificate format allows (spec section
 * 6.5), or a value X.509 DER cannot carry.
 */
public class MatterCertificateFormatException extends PkiParseException {
  private static final long serialVersionUID = 1L;

  /** A problem at {@code offset} bytes into the TLV certificate. */
  public MatterCertificateFormatException(String message, long offset) {
    super(message, offset);
  }
}
