// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

/** OIDs of common extended key usage purposes (RFC 5280 4.2.1.12 and later RFCs). */
public final class KeyPurpose {
  /** TLS server authentication. */
  public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  /** TLS client authentication. */
  public static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  /** Code signing (firmware images). */
  public static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
  /** Email protection. */
  public static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
  /** Time stamping. */
  public static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
  /** OCSP response signing. */
  public static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
  /** CMC registration authority (RFC 6402), used by EST and CMP RAs. */
  public static final String CMC_RA = "1.3.6.1.5.5.7.3.28";

  private KeyPurpose() {}
}
