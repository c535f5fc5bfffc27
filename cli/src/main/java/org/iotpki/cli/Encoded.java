// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/** DER of certificates the commands already hold (read or made), which always have one. */
final class Encoded {
  private Encoded() {}

  static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate has no DER encoding", e);
    }
  }
}
