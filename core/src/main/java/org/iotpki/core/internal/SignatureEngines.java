// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.security.GeneralSecurityException;
import java.security.Signature;
import org.bouncycastle.jcajce.spec.ContextParameterSpec;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.crypto.SignatureContext;

/** JCA {@code Signature} objects for an algorithm and an ML-DSA context string. */
public final class SignatureEngines {
  /** Appended to the algorithm name when asking a strategy for a provider that takes a context. */
  public static final String CONTEXT_SUFFIX = "/context";

  private SignatureEngines() {}

  /**
   * A {@code Signature} from the provider the strategy picks; with a non-empty context, the one
   * it picks for {@code NAME/context}, since the JDK's ML-DSA (24+) takes no context.
   *
   * @throws IllegalArgumentException if the context is not empty and the algorithm is not ML-DSA
   *     or composite ML-DSA
   */
  public static Signature signature(
      SignatureAlgorithm algorithm, SignatureContext context, ProviderStrategy providers)
      throws GeneralSecurityException {
    String name = algorithm.jcaName();
    if (context.isEmpty()) {
      return Signature.getInstance(name, providers.provider("Signature", name));
    }
    if (!algorithm.keyFamily().isPostQuantum()) {
      throw new IllegalArgumentException(algorithm + " signatures take no context string");
    }
    return Signature.getInstance(name, providers.provider("Signature", name + CONTEXT_SUFFIX));
  }

  /** Sets a non-empty context on an initialized {@code Signature}; the empty one needs nothing. */
  public static void applyContext(Signature signature, SignatureContext context)
      throws GeneralSecurityException {
    if (!context.isEmpty()) {
      signature.setParameter(new ContextParameterSpec(context.bytes()));
    }
  }
}
