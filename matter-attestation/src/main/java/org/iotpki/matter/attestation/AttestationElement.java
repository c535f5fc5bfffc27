// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

/** The piece of attestation input a failed check is about. */
public enum AttestationElement {
  PAA,
  PAI,
  DAC,
  /** The attestation elements TLV of the Attestation Response. */
  ATTESTATION_ELEMENTS,
  /** The signature of the Attestation Response. */
  ATTESTATION_SIGNATURE,
  /** The attestation nonce. */
  ATTESTATION_NONCE,
  /** The Certification Declaration (its CMS envelope or its TLV content). */
  CERTIFICATION_DECLARATION,
  /** The firmware information of the attestation elements. */
  FIRMWARE_INFORMATION,
  /** The arguments of the call as a whole (an empty or oversized buffer). */
  ARGUMENTS
}
