// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;

/**
 * A private key with its certificate chain: what a device presents as its identity.
 *
 * @param privateKey the key (a software key, or a handle to a key in a token)
 * @param chain the certificate of the key first, then its issuers up to (optionally) the root
 * @param providers the providers that can use the key: BouncyCastle for a software key, the
 *     token's provider for a key in a token (see {@code TokenKeys#providers()})
 */
public record Credential(
    PrivateKey privateKey, List<X509Certificate> chain, ProviderStrategy providers) {

  /** @throws IllegalArgumentException for an empty chain */
  public Credential {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(providers, "providers");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a credential needs at least its own certificate");
    }
  }

  /** A software key with its chain, used through {@link ProviderStrategy#defaults()}. */
  public Credential(PrivateKey privateKey, List<X509Certificate> chain) {
    this(privateKey, chain, ProviderStrategy.defaults());
  }

  /**
   * Signs with the key through {@link #providers()}, after one signature checked against the
   * certificate (see {@link Signer#forCertificate(X509Certificate, PrivateKey, ProviderStrategy)}).
   *
   * @throws IllegalArgumentException if the key cannot sign or is not the certificate's key
   */
  public Signer signer() {
    return Signer.forCertificate(certificate(), privateKey, providers);
  }

  /** The certificate of the private key: the first of the chain. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    // Never the key.
    return "Credential[" + certificate().getSubjectX500Principal().getName() + ", chain of "
        + chain.size() + "]";
  }
}
