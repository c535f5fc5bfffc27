// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.issuance;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A device's attestation credential from a production run: its DAC and the key generated for it.
 *
 * @param deviceSerial the device's serial number
 * @param dac the Device Attestation Certificate
 * @param privateKey the DAC's private key, to be written into the device and then destroyed
 */
public record DacCredential(String deviceSerial, X509Certificate dac, PrivateKey privateKey) {
  public DacCredential {
    Objects.requireNonNull(deviceSerial, "deviceSerial");
    Objects.requireNonNull(dac, "dac");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  @Override
  public String toString() {
    // Never the key.
    return "DacCredential[" + deviceSerial + ", " + dac.getSubjectX500Principal().getName() + "]";
  }
}
