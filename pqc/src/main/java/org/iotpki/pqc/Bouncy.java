// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import java.security.Provider;
import org.iotpki.core.crypto.ProviderStrategy;

/** The BouncyCastle provider, as core's strategy hands it out (never registered globally). */
final class Bouncy {
  static final Provider PROVIDER = ProviderStrategy.bouncyCastle().provider("Signature", "ML-DSA-44");

  private Bouncy() {}
}
