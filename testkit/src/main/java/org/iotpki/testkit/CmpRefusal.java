// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import org.bouncycastle.asn1.cmp.PKIFailureInfo;

/**
 * Why the CMP server refuses a request: a PKIFailureInfo bit (RFC 4210 section 5.2.3) and a text
 * for the requester, answered as an error message.
 */
final class CmpRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  private final int failInfo;
  private final String name;

  private CmpRefusal(int failInfo, String name, String text) {
    super(text, null, false, false);
    this.failInfo = failInfo;
    this.name = name;
  }

  static CmpRefusal badMessageCheck(String text) {
    return new CmpRefusal(PKIFailureInfo.badMessageCheck, "badMessageCheck", text);
  }

  static CmpRefusal badRequest(String text) {
    return new CmpRefusal(PKIFailureInfo.badRequest, "badRequest", text);
  }

  static CmpRefusal badPop(String text) {
    return new CmpRefusal(PKIFailureInfo.badPOP, "badPOP", text);
  }

  static CmpRefusal badCertId(String text) {
    return new CmpRefusal(PKIFailureInfo.badCertId, "badCertId", text);
  }

  static CmpRefusal badCertTemplate(String text) {
    return new CmpRefusal(PKIFailureInfo.badCertTemplate, "badCertTemplate", text);
  }

  static CmpRefusal badDataFormat(String text) {
    return new CmpRefusal(PKIFailureInfo.badDataFormat, "badDataFormat", text);
  }

  static CmpRefusal notAuthorized(String text) {
    return new CmpRefusal(PKIFailureInfo.notAuthorized, "notAuthorized", text);
  }

  static CmpRefusal transactionIdInUse(String text) {
    return new CmpRefusal(PKIFailureInfo.transactionIdInUse, "transactionIdInUse", text);
  }

  /** The PKIFailureInfo bit. */
  int failInfo() {
    return failInfo;
  }

  /** The bit's ASN.1 name, for {@link CmpServer#operations()}. */
  String failInfoName() {
    return name;
  }
}
