// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.util.List;
import java.util.OptionalInt;
import org.iotpki.matter.opcert.DistinguishedName;
import org.iotpki.matter.opcert.DnAttribute;
import org.iotpki.matter.opcert.DnAttributeType;
import org.iotpki.matter.opcert.ExtendedKeyPurpose;
import org.iotpki.matter.opcert.OpCertExtension;
import org.iotpki.matter.opcert.OperationalCertificate;

/**
 * The Network (Client) Identity of Wi-Fi per-device credentials (Matter spec 11.24): a
 * self-signed certificate whose every field but the key and the signature is fixed, so its compact
 * TLV form ({@code compact-pdc-identity}) carries only tags 9 and 11.
 */
public final class NetworkIdentity {
  private static final byte[] SERIAL = {1};
  private static final DistinguishedName NAME = DistinguishedName.of(DnAttribute.text(DnAttributeType.COMMON_NAME, "*"));
  private static final long NOT_BEFORE = 1;
  private static final List<OpCertExtension> EXTENSIONS = List.of(
      new OpCertExtension.BasicConstraints(false, OptionalInt.empty()),
      new OpCertExtension.KeyUsage(OpCertExtension.KeyUsage.DIGITAL_SIGNATURE),
      new OpCertExtension.ExtendedKeyUsage(List.of(ExtendedKeyPurpose.CLIENT_AUTH, ExtendedKeyPurpose.SERVER_AUTH)));

  private NetworkIdentity() {}

  /** The network identity certificate of {@code publicKey}, signed with {@code signature}. */
  public static OperationalCertificate certificate(byte[] publicKey, byte[] signature) {
    return new OperationalCertificate(SERIAL, NAME, NOT_BEFORE, MatterTime.NO_EXPIRY, NAME, publicKey, EXTENSIONS, signature);
  }

  /** Whether every fixed field of {@code certificate} has its network identity value. */
  public static boolean matches(OperationalCertificate certificate) {
    return certificate.equals(certificate(certificate.publicKey(), certificate.signature()));
  }
}
