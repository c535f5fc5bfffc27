// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.crypto.KeyAlgorithm;

/**
 * What the CA expects in a certificate request (RFC 9483 section 4.3.3), from {@link
 * CmpClient#certificateRequestTemplate}: parts it fixes, and the kind of key it wants.
 *
 * @param subject the subject the CA puts in the certificate, if it fixes one
 * @param extensions extensions the CA fixes (values as DER)
 * @param keyAlgorithm the key the CA asks for, if it names one iotpki knows (an EC curve by its
 *     OID, an RSA key by its length)
 * @param keySpecifications how many key specifications the CA sent, known or not
 */
public record CertificateRequestTemplate(Optional<X500Principal> subject,
    List<CertificateExtension> extensions, Optional<KeyAlgorithm> keyAlgorithm,
    int keySpecifications) {
  /** Copies the list and checks that no part is null. */
  public CertificateRequestTemplate {
    Objects.requireNonNull(subject, "subject");
    extensions = List.copyOf(extensions);
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    if (keySpecifications < 0) {
      throw new IllegalArgumentException("negative keySpecifications");
    }
  }
}
