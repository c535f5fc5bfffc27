// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import org.iotpki.core.PkiParseException;

/** Attestation input (a Certification Declaration, attestation elements, a trust-store file) is malformed. */
public class AttestationFormatException extends PkiParseException {
  private static final long serialVersionUID = 1L;

  public AttestationFormatException(String message) {
    super(message);
  }

  public AttestationFormatException(String message, long offset) {
    super(message, offset);
  }

  public AttestationFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
