// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.util.Objects;

/**
 * What a commissioner has after the Attestation Request and the certificate chain requests: the
 * input of {@link DeviceAttestationVerifier#verify(AttestationInfo)}, like the SDK's
 * {@code DeviceAttestationVerifier::AttestationInfo}.
 *
 * @param attestationElements the attestation elements TLV of the Attestation Response
 * @param attestationChallenge the attestation challenge of the secure session
 * @param attestationSignature the Attestation Response's signature, raw r || s
 * @param pai the PAI's DER, as the device sent it (empty if it sent none)
 * @param dac the DAC's DER
 * @param attestationNonce the nonce the commissioner sent in the Attestation Request
 * @param vendorId the VendorID attribute of the device's Basic Information cluster
 * @param productId the ProductID attribute of the device's Basic Information cluster
 */
public record AttestationInfo(
    byte[] attestationElements,
    byte[] attestationChallenge,
    byte[] attestationSignature,
    byte[] pai,
    byte[] dac,
    byte[] attestationNonce,
    int vendorId,
    int productId) {

  public AttestationInfo {
    attestationElements = Objects.requireNonNull(attestationElements, "attestationElements").clone();
    attestationChallenge = Objects.requireNonNull(attestationChallenge, "attestationChallenge").clone();
    attestationSignature = Objects.requireNonNull(attestationSignature, "attestationSignature").clone();
    pai = Objects.requireNonNull(pai, "pai").clone();
    dac = Objects.requireNonNull(dac, "dac").clone();
    attestationNonce = Objects.requireNonNull(attestationNonce, "attestationNonce").clone();
    if (vendorId < 0 || vendorId > 0xFFFF || productId < 0 || productId > 0xFFFF) {
      throw new IllegalArgumentException("vendorId and productId are 16 bits");
    }
  }

  @Override
  public byte[] attestationElements() {
    return attestationElements.clone();
  }

  @Override
  public byte[] attestationChallenge() {
    return attestationChallenge.clone();
  }

  @Override
  public byte[] attestationSignature() {
    return attestationSignature.clone();
  }

  @Override
  public byte[] pai() {
    return pai.clone();
  }

  @Override
  public byte[] dac() {
    return dac.clone();
  }

  @Override
  public byte[] attestationNonce() {
    return attestationNonce.clone();
  }
}
