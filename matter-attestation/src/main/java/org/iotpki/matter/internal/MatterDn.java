// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.attestation.AttestationFormatException;
import org.iotpki.matter.attestation.VidPid;

/** Reads the vendor and product IDs of a DER Name by the SDK's rules (ExtractVIDPIDFromX509Cert). */
public final class MatterDn {
  /** matter-vid 1.3.6.1.4.1.37244.2.1 and matter-pid .2.2, as OID content octets. */
  private static final String VID_OID = "1.3.6.1.4.1.37244.2.1";
  private static final String PID_OID = "1.3.6.1.4.1.37244.2.2";
  private static final String CN_OID = "2.5.4.3";
  /** The SDK reads at most this many characters of a common name for the fallback. */
  private static final int MAX_COMMON_NAME = 64;

  private MatterDn() {}

  /** The IDs of the DER Name {@code name}. */
  public static VidPid vidPid(byte[] name) throws AttestationFormatException {
    OptionalInt vid = OptionalInt.empty();
    OptionalInt pid = OptionalInt.empty();
    OptionalInt cnVid = OptionalInt.empty();
    OptionalInt cnPid = OptionalInt.empty();
    boolean cnRead = false;
    try {
      DerReader rdns = DerReader.of(name).next(DerWriter.SEQUENCE, "Name").contents();
      while (rdns.hasMore()) {
        DerReader set = rdns.next(DerWriter.SET, "RelativeDistinguishedName").contents();
        while (set.hasMore()) {
          DerReader attribute = set.next(DerWriter.SEQUENCE, "AttributeTypeAndValue").contents();
          String type = Oids.dotted(attribute.next(DerWriter.OID, "attribute type"));
          DerReader.Element value = attribute.next(attribute.peekTag(), "attribute value");
          String text = new String(value.content(), StandardCharsets.ISO_8859_1);
          switch (type) {
            case VID_OID -> {
              if (vid.isPresent()) {
                throw new AttestationFormatException("the subject has more than one matter-vid attribute");
              }
              vid = OptionalInt.of(id(text, "matter-vid"));
            }
            case PID_OID -> {
              if (pid.isPresent()) {
                throw new AttestationFormatException("the subject has more than one matter-pid attribute");
              }
              pid = OptionalInt.of(id(text, "matter-pid"));
            }
            case CN_OID -> {
              // Like the SDK, only the first common name is searched for the legacy encoding.
              if (!cnRead) {
                String cn = text.length() > MAX_COMMON_NAME ? text.substring(0, MAX_COMMON_NAME) : text;
                cnVid = afterPrefix(cn, "Mvid:");
                cnPid = afterPrefix(cn, "Mpid:");
                cnRead = cnVid.isPresent() || cnPid.isPresent();
              }
            }
            default -> {
              // other attributes carry no IDs
            }
          }
        }
      }
    } catch (AttestationFormatException e) {
      throw e;
    } catch (PkiParseException e) {
      throw new AttestationFormatException("malformed subject name: " + e.problem(), e);
    }
    return vid.isPresent() || pid.isPresent() ? new VidPid(vid, pid) : new VidPid(cnVid, cnPid);
  }

  private static int id(String text, String attribute) throws AttestationFormatException {
    if (!Hex.isUpperHex(text, 4)) {
      throw new AttestationFormatException(attribute + " must be 4 upper-case hex digits, was \"" + printable(text) + "\"");
    }
    return (int) Hex.parseUpper(text);
  }

  /**
   * The first {@code prefix} in the common name that four upper-case hex digits follow; an error if
   * the prefix appears but never with them (the SDK's Find16BitUpperCaseHexAfterPrefix).
   */
  private static OptionalInt afterPrefix(String commonName, String prefix) throws AttestationFormatException {
    int at = commonName.indexOf(prefix);
    if (at < 0) {
      return OptionalInt.empty();
    }
    for (; at >= 0; at = commonName.indexOf(prefix, at + 1)) {
      int from = at + prefix.length();
      String digits = commonName.substring(from, Math.min(commonName.length(), from + 4));
      if (Hex.isUpperHex(digits, 4)) {
        return OptionalInt.of((int) Hex.parseUpper(digits));
      }
    }
    throw new AttestationFormatException(
        "common name has " + prefix + " but never 4 upper-case hex digits after it: \"" + printable(commonName) + "\"");
  }

  private static String printable(String text) {
    return text.codePoints().map(c -> c >= 0x20 && c < 0x7F ? c : '?')
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }
}
