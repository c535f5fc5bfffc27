// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.io.IOException;
import org.iotpki.core.cert.Credential;

/**
 * Tries a newly activated credential where it is used (a TLS handshake with the device's
 * service, say) before the previous one is deleted.
 */
@FunctionalInterface
public interface CredentialCheck {
  /**
   * Whether the peer accepted {@code credential}.
   *
   * @return true to keep it (the previous credential is deleted), false to roll back to the
   *     previous one
   * @throws IOException if the check could not be made (network down): the agent keeps both
   *     credentials and checks again on its next pass
   */
  boolean accepted(Credential credential) throws IOException;
}
