// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import org.iotpki.matter.opcert.CertificateRole;
import org.iotpki.matter.opcert.OperationalChainFailure;

/**
 * A rule of the operational chain failed. Thrown inside the validator to stop at the first failure
 * and turned into a result there; it never leaves the library.
 */
public final class RuleFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient OperationalChainFailure reason;
  private final transient CertificateRole role;

  public RuleFailure(OperationalChainFailure reason, CertificateRole role, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.role = role;
  }

  public OperationalChainFailure reason() {
    return reason;
  }

  public CertificateRole role() {
    return role;
  }
}
