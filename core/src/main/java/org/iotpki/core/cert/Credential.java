package org.iotpki.core.cert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain: what a device presents as its identity.
 *
 * @param privateKey the key (a software key, or a handle to a key in a token)
 * @param chain the certificate of the key first, then its issuers up to (optionally) the root
 */
public record Credential(PrivateKey privateKey, List<X509Certificate> chain) {

  /** @throws IllegalArgumentException for an empty chain */
  public Credential {
    Objects.requireNonNull(privateKey, "privateKey");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a credential needs at least its own certificate");
    }
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
