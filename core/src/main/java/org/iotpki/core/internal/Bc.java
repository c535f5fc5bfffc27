// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one BouncyCastle provider instance of iotpki: used explicitly, never registered globally. */
public final class Bc {
  /** Passed to {@code getInstance(algorithm, provider)} calls; not in the JVM's provider list. */
  public static final Provider PROVIDER = new BouncyCastleProvider();

  private Bc() {}
}
