// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The certificates of GetCACert (RFC 8894 section 4.2): the CA, and the RA certificates when the
 * server is an RA. Requests are encrypted to {@link #encryption()}; responses are signed by
 * {@link #signing()} (or the CA).
 *
 * @param ca the CA certificate that issues
 * @param encryption the certificate to encrypt requests to (an RA's key-encipherment one, or the
 *     CA)
 * @param signing the certificate that signs responses (an RA's signing one, or the CA)
 * @param all every certificate the server sent
 */
public record ScepCaCertificates(
    X509Certificate ca, X509Certificate encryption, X509Certificate signing,
    List<X509Certificate> all) {

  public ScepCaCertificates {
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(signing, "signing");
    all = List.copyOf(all);
  }

  /** Whether a response signer is one the server may sign with: the CA or one of its RAs. */
  public boolean maySign(X509Certificate signer) {
    return signer.equals(ca) || signer.equals(signing) || all.contains(signer);
  }
}
