// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.Signer;

/**
 * A private key held in a token, with the certificate stored beside it.
 *
 * @param label the key's label (CKA_LABEL; SunPKCS11 also uses it as CKA_ID)
 * @param certificate the certificate stored with the key: for a key {@link TokenKeys#generate}
 *     made, a self-signed placeholder until the real certificate is issued
 * @param privateKey a handle to the key: {@code getEncoded()} is null, its bytes stay in the token
 * @param signer signs with the key in the token, through the token's provider
 */
public record TokenKey(String label, X509Certificate certificate, PrivateKey privateKey, Signer signer) {

  /** Checks that nothing is missing. */
  public TokenKey {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(signer, "signer");
  }

  /** The key with a certificate chain issued for it, for TLS client authentication. */
  public Credential credential(java.util.List<X509Certificate> chain) {
    return new Credential(privateKey, chain);
  }

  @Override
  public String toString() {
    return "TokenKey[" + label + ", " + signer + "]";
  }
}
