// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * A device's current certificate, as a {@link FleetPlanner} needs it: whose, its validity, and how
 * the device reaches the CA.
 *
 * @param deviceId the device's identifier (serial number, subject, ...)
 * @param notBefore the certificate's notBefore
 * @param notAfter the certificate's notAfter, after {@code notBefore}
 * @param profile how the device reaches the CA
 */
public record DeviceCertificate(String deviceId, Instant notBefore, Instant notAfter, ConnectivityProfile profile) {

  /** Validates the fields. */
  public DeviceCertificate {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(profile, "profile");
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException(
          "certificate of " + deviceId + " ends " + notAfter + ", not after its start " + notBefore);
    }
  }
}
