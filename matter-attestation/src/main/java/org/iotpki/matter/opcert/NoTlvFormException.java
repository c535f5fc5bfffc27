// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import org.iotpki.core.PkiParseException;

/**
 * An X.509 DER certificate that has no Matter TLV form: it is malformed, or uses something the
 * compact encoding cannot express (another key type or signature algorithm, an attribute outside
 * the Matter DN table, a multi-valued RDN, a non-critical basicConstraints, a time before 2000, a
 * non-minimal encoding, ...), so converting it to TLV and back would not give the same bytes and
 * its signature would no longer verify.
 */
public class NoTlvFormException extends PkiParseException {
  private static final long serialVersionUID = 1L;

  /** Why the certificate has no TLV form, and where in the DER. */
  public NoTlvFormException(String message, long offset) {
    super(message, offset);
  }
}
