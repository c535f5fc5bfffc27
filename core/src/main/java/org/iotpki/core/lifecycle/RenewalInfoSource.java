// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.iotpki.core.enroll.EnrollmentTransportException;

/**
 * The CA's suggested renewal window for a certificate, where the CA offers one (ACME Renewal
 * Information, RFC 9773). It may move the window earlier, e.g. before a mass revocation.
 */
@FunctionalInterface
public interface RenewalInfoSource {
  /** The CA's window for {@code certificate}, or empty if it suggests none. */
  Optional<RenewalWindow> suggestedWindow(X509Certificate certificate)
      throws EnrollmentTransportException;
}
