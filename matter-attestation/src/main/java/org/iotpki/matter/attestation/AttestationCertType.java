// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

/** The three kinds of certificate of the Matter device attestation PKI. */
public enum AttestationCertType {
  /** Product Attestation Authority: the root. */
  PAA,
  /** Product Attestation Intermediate. */
  PAI,
  /** Device Attestation Certificate. */
  DAC
}
