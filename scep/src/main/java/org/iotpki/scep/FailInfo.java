// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep;

import java.util.Optional;

/** Why a SCEP server refused a request: the failInfo attribute (RFC 8894 section 3.2.1.4). */
public enum FailInfo {
  /** Unrecognized or unsupported algorithm. */
  BAD_ALG(0, "badAlg"),
  /** Integrity check (signature verification of the message) failed. */
  BAD_MESSAGE_CHECK(1, "badMessageCheck"),
  /** Transaction not permitted or supported: a wrong challenge password, a policy refusal. */
  BAD_REQUEST(2, "badRequest"),
  /** The signingTime attribute was not close enough to the server's time. */
  BAD_TIME(3, "badTime"),
  /** No certificate could be identified matching the provided criteria. */
  BAD_CERT_ID(4, "badCertID");

  private final int code;
  private final String rfcName;

  FailInfo(int code, String rfcName) {
    this.code = code;
    this.rfcName = rfcName;
  }

  /** The number SCEP carries. */
  public int code() {
    return code;
  }

  /** The RFC's name, as {@link org.iotpki.core.enroll.EnrollmentOutcome.Rejected#code()}. */
  public String rfcName() {
    return rfcName;
  }

  /** The failInfo of a code, if it is one of the RFC's. */
  public static Optional<FailInfo> of(int code) {
    for (FailInfo info : values()) {
      if (info.code == code) {
        return Optional.of(info);
      }
    }
    return Optional.empty();
  }
}
