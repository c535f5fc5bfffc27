// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * An entry of a subjectAltName (RFC 5280 4.2.1.6).
 *
 * @param type the kind of name
 * @param value the name in text form: a DNS name, an IP address literal, a URI, an email
 *     address, or an RFC 2253 distinguished name
 */
public record GeneralName(Type type, String value) {

  /** The kinds of names iotpki writes and reports. */
  public enum Type {
    DNS,
    IP_ADDRESS,
    URI,
    EMAIL,
    DIRECTORY_NAME,
    /** A kind iotpki reports but does not write (otherName, x400Address, ...). */
    OTHER
  }

  /** @throws IllegalArgumentException for an empty value */
  public GeneralName {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty " + type + " name");
    }
  }

  /** A DNS name; an IDN must already be in its ASCII (A-label) form. */
  public static GeneralName dns(String name) {
    if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("DNS name must be ASCII (A-labels): " + name);
    }
    return new GeneralName(Type.DNS, name);
  }

  /** An IPv4 or IPv6 address. */
  public static GeneralName ip(InetAddress address) {
    return new GeneralName(Type.IP_ADDRESS, address.getHostAddress());
  }

  /** A URI, for example a device's {@code urn:} identifier. */
  public static GeneralName uri(URI uri) {
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException("a subjectAltName URI must be absolute: " + uri);
    }
    return new GeneralName(Type.URI, uri.toString());
  }

  /** An RFC 822 email address. */
  public static GeneralName email(String address) {
    if (address.indexOf('@') < 1) {
      throw new IllegalArgumentException("not an email address: " + address);
    }
    return new GeneralName(Type.EMAIL, address);
  }

  /** A distinguished name. */
  public static GeneralName directoryName(X500Principal name) {
    return new GeneralName(Type.DIRECTORY_NAME, name.getName(X500Principal.RFC2253));
  }
}
