// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.issuance;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/** Subject names of the Matter attestation profile: CN, then VID and PID as 4 upper-case hex digits. */
final class MatterNames {
  /** Matter DN attribute matter-vid (spec 6.2.2.2). */
  static final String VID_OID = "1.3.6.1.4.1.37244.2.1";
  /** Matter DN attribute matter-pid. */
  static final String PID_OID = "1.3.6.1.4.1.37244.2.2";

  private MatterNames() {}

  static X500Principal name(String commonName, OptionalInt vendorId, OptionalInt productId) {
    if (commonName.isEmpty() || commonName.length() > 64) {
      throw new IllegalArgumentException("common name must have 1 to 64 characters");
    }
    // RFC 2253 lists the last RDN first: this yields CN, VID, PID in the DER, as chip-cert writes.
    StringBuilder rfc2253 = new StringBuilder();
    productId.ifPresent(pid -> rfc2253.append(PID_OID).append('=').append(utf8(pid)).append(','));
    vendorId.ifPresent(vid -> rfc2253.append(VID_OID).append('=').append(utf8(vid)).append(','));
    rfc2253.append("CN=").append(commonName.replace("\\", "\\\\").replace(",", "\\,").replace("+", "\\+")
        .replace("\"", "\\\"").replace("<", "\\<").replace(">", "\\>").replace(";", "\\;").replace("=", "\\="));
    return new X500Principal(rfc2253.toString());
  }

  /** {@code #} and the DER of a UTF8String of the id as 4 upper-case hex digits. */
  private static String utf8(int id) {
    byte[] text = String.format(Locale.ROOT, "%04X", id).getBytes(StandardCharsets.US_ASCII);
    return "#0c04" + HexFormat.of().formatHex(text);
  }

  /** The value of a Matter id attribute (matter-vid, matter-pid) in a name, if present and well-formed. */
  static OptionalInt id(X500Principal name, String oid) {
    // RFC 2253 prints attributes the JDK does not know as '#' and the DER of the value: a
    // UTF8String (0c) or PrintableString (13) of four characters.
    Matcher value = Pattern.compile("(?:^|,)" + Pattern.quote(oid) + "=#(?:0c|13)04([0-9a-f]{8})(?:,|$)")
        .matcher(name.getName(X500Principal.RFC2253));
    if (!value.find()) {
      return OptionalInt.empty();
    }
    String text = new String(HexFormat.of().parseHex(value.group(1)), StandardCharsets.US_ASCII);
    return text.matches("[0-9A-F]{4}") ? OptionalInt.of(Integer.parseInt(text, 16)) : OptionalInt.empty();
  }

  static void checkId(int id, String what) {
    if (id < 0 || id > 0xFFFF) {
      throw new IllegalArgumentException(what + " must be 16 bits, was " + id);
    }
  }
}
