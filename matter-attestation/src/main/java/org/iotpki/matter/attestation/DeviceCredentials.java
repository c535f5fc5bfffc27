// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A device's attestation credentials outside of a commissioning session, for a factory test
 * station or a back end: the PAI and DAC, and optionally the signed Certification Declaration and
 * the IDs the device reports. Input of {@link DeviceAttestationVerifier#verify(DeviceCredentials)}.
 *
 * <pre>{@code
 * DeviceCredentials device = DeviceCredentials.of(paiDer, dacDer)
 *     .withCertificationDeclaration(cdCms)
 *     .withBasicInformation(0xFFF1, 0x8000);
 * }</pre>
 *
 * @param pai the PAI's DER
 * @param dac the DAC's DER
 * @param certificationDeclaration the CMS-signed Certification Declaration, if it is to be checked
 * @param firmwareInformation the firmware information, if any
 * @param basicInformationVendorId the VendorID the device reports; the DAC's when absent
 * @param basicInformationProductId the ProductID the device reports; the DAC's when absent
 */
public record DeviceCredentials(
    byte[] pai,
    byte[] dac,
    Optional<byte[]> certificationDeclaration,
    Optional<byte[]> firmwareInformation,
    OptionalInt basicInformationVendorId,
    OptionalInt basicInformationProductId) {

  public DeviceCredentials {
    pai = Objects.requireNonNull(pai, "pai").clone();
    dac = Objects.requireNonNull(dac, "dac").clone();
    certificationDeclaration = certificationDeclaration.map(byte[]::clone);
    firmwareInformation = firmwareInformation.map(byte[]::clone);
    Objects.requireNonNull(basicInformationVendorId, "basicInformationVendorId");
    Objects.requireNonNull(basicInformationProductId, "basicInformationProductId");
  }

  /** The PAI and DAC alone. */
  public static DeviceCredentials of(byte[] pai, byte[] dac) {
    return new DeviceCredentials(pai, dac, Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
  }

  /** With a CMS-signed Certification Declaration to verify. */
  public DeviceCredentials withCertificationDeclaration(byte[] signedCd) {
    return new DeviceCredentials(pai, dac, Optional.of(signedCd), firmwareInformation, basicInformationVendorId,
        basicInformationProductId);
  }

  /** With firmware information. */
  public DeviceCredentials withFirmwareInformation(byte[] firmware) {
    return new DeviceCredentials(pai, dac, certificationDeclaration, Optional.of(firmware), basicInformationVendorId,
        basicInformationProductId);
  }

  /** With the vendor and product IDs of the device's Basic Information cluster. */
  public DeviceCredentials withBasicInformation(int vendorId, int productId) {
    if (vendorId < 0 || vendorId > 0xFFFF || productId < 0 || productId > 0xFFFF) {
      throw new IllegalArgumentException("vendorId and productId are 16 bits");
    }
    return new DeviceCredentials(pai, dac, certificationDeclaration, firmwareInformation, OptionalInt.of(vendorId),
        OptionalInt.of(productId));
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
  public Optional<byte[]> certificationDeclaration() {
    return certificationDeclaration.map(byte[]::clone);
  }

  @Override
  public Optional<byte[]> firmwareInformation() {
    return firmwareInformation.map(byte[]::clone);
  }
}
