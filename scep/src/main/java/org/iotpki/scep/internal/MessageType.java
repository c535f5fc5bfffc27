// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep.internal;

/** The SCEP messageType values (RFC 8894 section 3.2.1.2). */
public enum MessageType {
  CERT_REP("3"),
  RENEWAL_REQ("17"),
  PKCS_REQ("19"),
  CERT_POLL("20"),
  GET_CERT("21"),
  GET_CRL("22");

  private final String value;

  MessageType(String value) {
    this.value = value;
  }

  /** The decimal string the messageType attribute carries. */
  public String value() {
    return value;
  }
}
