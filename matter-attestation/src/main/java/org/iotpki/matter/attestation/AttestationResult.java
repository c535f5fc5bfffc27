// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

/**
 * The result codes of Matter device attestation, with the names (in UPPER_SNAKE_CASE) and numbers
 * of connectedhomeip's {@code AttestationVerificationResult}, so that logs and dashboards of a JVM
 * commissioner line up with those of the reference SDK.
 */
public enum AttestationResult {
  SUCCESS(0, "Success"),

  PAA_UNTRUSTED(100, "PAA is untrusted"),
  PAA_NOT_FOUND(101, "PAA not found in the PAA trust store"),
  PAA_EXPIRED(102, "PAA is expired"),
  PAA_SIGNATURE_INVALID(103, "PAA signature is invalid"),
  PAA_REVOKED(104, "PAA is revoked"),
  PAA_FORMAT_INVALID(105, "PAA format is invalid"),
  PAA_ARGUMENT_INVALID(106, "PAA argument is invalid"),

  PAI_EXPIRED(200, "PAI is expired"),
  PAI_SIGNATURE_INVALID(201, "PAI signature is invalid"),
  PAI_REVOKED(202, "PAI is revoked"),
  PAI_FORMAT_INVALID(203, "PAI format is invalid"),
  PAI_ARGUMENT_INVALID(204, "PAI argument is invalid"),
  PAI_VENDOR_ID_MISMATCH(205, "PAI vendor ID does not match the PAA's"),
  PAI_AUTHORITY_NOT_FOUND(206, "PAI authority not found"),
  PAI_MISSING(207, "PAI is missing"),
  PAI_AND_DAC_REVOKED(208, "Both PAI and DAC are revoked"),

  DAC_EXPIRED(300, "DAC is expired"),
  DAC_SIGNATURE_INVALID(301, "DAC signature is invalid"),
  DAC_REVOKED(302, "DAC is revoked"),
  DAC_FORMAT_INVALID(303, "DAC format is invalid"),
  DAC_ARGUMENT_INVALID(304, "DAC argument is invalid"),
  DAC_VENDOR_ID_MISMATCH(305, "DAC vendor ID does not match the PAI's or the Basic Information cluster's"),
  DAC_PRODUCT_ID_MISMATCH(306, "DAC product ID does not match the PAI's or the Basic Information cluster's"),
  DAC_AUTHORITY_NOT_FOUND(307, "DAC authority not found"),

  FIRMWARE_INFORMATION_MISMATCH(400, "Firmware information mismatch"),
  FIRMWARE_INFORMATION_MISSING(401, "Firmware information missing"),

  ATTESTATION_SIGNATURE_INVALID(500, "Attestation signature does not verify with the DAC's public key"),
  ATTESTATION_ELEMENTS_MALFORMED(501, "Attestation elements are malformed"),
  ATTESTATION_NONCE_MISMATCH(502, "Attestation nonce does not match the one of the Attestation Request"),
  ATTESTATION_SIGNATURE_INVALID_FORMAT(503, "Attestation signature format is invalid"),

  CERTIFICATION_DECLARATION_NO_KEY_ID(600, "Certification Declaration has no signer key ID in its CMS envelope"),
  CERTIFICATION_DECLARATION_NO_CERTIFICATE_FOUND(601, "No trusted CD signing key has the Certification Declaration's key ID"),
  CERTIFICATION_DECLARATION_INVALID_SIGNATURE(602, "Certification Declaration signature does not verify"),
  CERTIFICATION_DECLARATION_INVALID_FORMAT(603, "Certification Declaration format is invalid"),
  CERTIFICATION_DECLARATION_INVALID_VENDOR_ID(604,
      "Certification Declaration vendor ID does not match the DAC, PAI or Basic Information cluster"),
  CERTIFICATION_DECLARATION_INVALID_PRODUCT_ID(605,
      "Certification Declaration product ID does not match the DAC, PAI or Basic Information cluster"),
  CERTIFICATION_DECLARATION_INVALID_PAA(606,
      "Certification Declaration authorizes a list of PAAs that does not include the device's PAA"),

  NO_MEMORY(700, "Out of memory"),
  INVALID_ARGUMENT(800, "Invalid argument (likely malformed input from the device)"),
  INTERNAL_ERROR(900, "Internal error"),
  NOT_IMPLEMENTED(0xFFFF, "Not implemented");

  private final int code;
  private final String description;

  AttestationResult(int code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The number the SDK uses for this result. */
  public int code() {
    return code;
  }

  /** A one-line description for people. */
  public String description() {
    return description;
  }

  /** The result with SDK number {@code code}. */
  public static AttestationResult ofCode(int code) {
    for (AttestationResult result : values()) {
      if (result.code == code) {
        return result;
      }
    }
    throw new IllegalArgumentException("no attestation result has code " + code);
  }
}
