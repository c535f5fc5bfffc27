// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp;

import java.util.ArrayList;
import java.util.List;

/** The names of PKIFailureInfo bits (RFC 4210 section 5.2.3, RFC 9480), as CMP rejections carry them. */
public final class CmpFailureInfo {
  private static final String[] NAMES = {
    "badAlg", "badMessageCheck", "badRequest", "badTime", "badCertId", "badDataFormat",
    "wrongAuthority", "incorrectData", "missingTimeStamp", "badPOP", "certRevoked",
    "certConfirmed", "wrongIntegrity", "badRecipientNonce", "timeNotAvailable",
    "unacceptedPolicy", "unacceptedExtension", "addInfoNotAvailable", "badSenderNonce",
    "badCertTemplate", "signerNotTrusted", "transactionIdInUse", "unsupportedVersion",
    "notAuthorized", "systemUnavail", "systemFailure", "duplicateCertReq"
  };

  private CmpFailureInfo() {}

  /**
   * The names of the bits set in a BIT STRING's bytes (bit 0 is the first byte's most significant
   * bit); unknown bits as {@code bitN}.
   */
  public static List<String> names(byte[] bits) {
    List<String> names = new ArrayList<>();
    for (int bit = 0; bit < bits.length * 8; bit++) {
      if ((bits[bit / 8] & (0x80 >> (bit % 8))) != 0) {
        names.add(bit < NAMES.length ? NAMES[bit] : "bit" + bit);
      }
    }
    return names;
  }
}
