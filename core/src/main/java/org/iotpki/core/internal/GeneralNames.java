// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.iotpki.core.cert.GeneralName;

/** Converts between iotpki's {@link GeneralName} and BouncyCastle's. */
public final class GeneralNames {
  private GeneralNames() {}

  /** The BC form, for writing. */
  public static org.bouncycastle.asn1.x509.GeneralNames toBc(List<GeneralName> names) {
    org.bouncycastle.asn1.x509.GeneralName[] converted =
        new org.bouncycastle.asn1.x509.GeneralName[names.size()];
    for (int i = 0; i < converted.length; i++) {
      converted[i] = toBc(names.get(i));
    }
    return new org.bouncycastle.asn1.x509.GeneralNames(converted);
  }

  private static org.bouncycastle.asn1.x509.GeneralName toBc(GeneralName name) {
    switch (name.type()) {
      case DNS:
        return new org.bouncycastle.asn1.x509.GeneralName(
            org.bouncycastle.asn1.x509.GeneralName.dNSName, name.value());
      case IP_ADDRESS:
        return new org.bouncycastle.asn1.x509.GeneralName(
            org.bouncycastle.asn1.x509.GeneralName.iPAddress, name.value());
      case URI:
        return new org.bouncycastle.asn1.x509.GeneralName(
            org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier, name.value());
      case EMAIL:
        return new org.bouncycastle.asn1.x509.GeneralName(
            org.bouncycastle.asn1.x509.GeneralName.rfc822Name, name.value());
      case DIRECTORY_NAME:
        return new org.bouncycastle.asn1.x509.GeneralName(
            X500Name.getInstance(new X500Principal(name.value()).getEncoded()));
      default:
        throw new IllegalArgumentException("cannot write a " + name.type() + " name");
    }
  }

  /** The iotpki form, for reporting; malformed entries throw {@link IllegalArgumentException}. */
  public static List<GeneralName> fromBc(org.bouncycastle.asn1.x509.GeneralNames names) {
    List<GeneralName> result = new ArrayList<>();
    for (org.bouncycastle.asn1.x509.GeneralName name : names.getNames()) {
      result.add(fromBc(name));
    }
    return result;
  }

  private static GeneralName fromBc(org.bouncycastle.asn1.x509.GeneralName name) {
    switch (name.getTagNo()) {
      case org.bouncycastle.asn1.x509.GeneralName.dNSName:
        return new GeneralName(GeneralName.Type.DNS, ASN1IA5String.getInstance(name.getName()).getString());
      case org.bouncycastle.asn1.x509.GeneralName.rfc822Name:
        return new GeneralName(GeneralName.Type.EMAIL, ASN1IA5String.getInstance(name.getName()).getString());
      case org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier:
        return new GeneralName(GeneralName.Type.URI, ASN1IA5String.getInstance(name.getName()).getString());
      case org.bouncycastle.asn1.x509.GeneralName.iPAddress:
        return new GeneralName(GeneralName.Type.IP_ADDRESS, ipAddress(ASN1OctetString.getInstance(name.getName()).getOctets()));
      case org.bouncycastle.asn1.x509.GeneralName.directoryName:
        return new GeneralName(
            GeneralName.Type.DIRECTORY_NAME,
            new X500Principal(Asn1.der(X500Name.getInstance(name.getName()))).getName());
      default:
        return new GeneralName(GeneralName.Type.OTHER, name.toString());
    }
  }

  private static String ipAddress(byte[] octets) {
    try {
      return java.net.InetAddress.getByAddress(octets).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      // Wrong length: a name-constraint range or garbage; report the raw octets.
      return java.util.HexFormat.of().formatHex(octets);
    }
  }
}
