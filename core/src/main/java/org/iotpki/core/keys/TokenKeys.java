// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of one logged-in token: generation on the token and lookup by label. Thread-safe;
 * signers from several threads use separate PKCS#11 sessions from SunPKCS11's session pool.
 *
 * <p>JSSE: the JDK's TLS stack looks up {@code Signature} implementations among the providers
 * installed in the JVM only, so a token key used for TLS client authentication (EST mTLS) needs
 * {@link #provider()} installed ({@code Security.addProvider}) by the application. iotpki never
 * installs it.
 */
public final class TokenKeys {
  private static final Logger LOG = LoggerFactory.getLogger(TokenKeys.class);
  private static final Instant PLACEHOLDER_NOT_AFTER = Instant.parse("9999-12-31T23:59:59Z");

  private final Provider provider;
  private final KeyStore store;

  TokenKeys(Provider provider, KeyStore store) {
    this.provider = provider;
    this.store = store;
  }

  /** The SunPKCS11 provider instance of this token (not installed in the JVM). */
  public Provider provider() {
    return provider;
  }

  /** Signs with this token: the provider strategy of its keys' signers. */
  public ProviderStrategy providers() {
    return ProviderStrategy.fixed(provider);
  }

  /**
   * Generates a key pair on the token and stores its private key under {@code label} with a
   * self-signed placeholder certificate (SunPKCS11 finds a key by the certificate beside it). The
   * placeholder is signed on the token, which proves the new key signs.
   *
   * @throws IllegalArgumentException if a key with this label exists
   * @throws IllegalStateException if the token (or SunPKCS11 on this JDK) cannot generate this
   *     key type, as for ML-DSA on tokens and JDKs without PKCS#11 3.2 support
   * @throws GeneralSecurityException if the token fails
   */
  public TokenKey generate(String label, KeyAlgorithm algorithm) throws GeneralSecurityException {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(algorithm, "algorithm");
    if (label.isEmpty()) {
      throw new IllegalArgumentException("a key label must not be empty");
    }
    synchronized (store) {
      if (store.containsAlias(label)) {
        throw new IllegalArgumentException("the token already has a key labelled '" + label + "'");
      }
      KeyPair generated = KeyPairs.generate(algorithm, providers(), new SecureRandom());
      Signer signer = Signer.of(generated, algorithm.defaultSignatureAlgorithm(), providers());
      X509Certificate placeholder = CertificateBuilder.create()
          .subject(new X500Principal("CN=iotpki token key placeholder"))
          .publicKey(generated.getPublic())
          .validity(Instant.now(), PLACEHOLDER_NOT_AFTER)
          .sign(signer);
      store.setKeyEntry(label, generated.getPrivate(), null, new Certificate[] {placeholder});
      LOG.info("generated a {} key labelled '{}' on {}", algorithm.displayName(), label, provider.getName());
    }
    return find(label).orElseThrow(
        () -> new GeneralSecurityException("the token did not keep the key labelled '" + label + "'"));
  }

  /**
   * The key labelled {@code label} with its certificate, signing with the certificate key's
   * default algorithm; empty when the token has none.
   *
   * @throws GeneralSecurityException if the token fails
   */
  public Optional<TokenKey> find(String label) throws GeneralSecurityException {
    Objects.requireNonNull(label, "label");
    synchronized (store) {
      if (!store.isKeyEntry(label) || !(store.getCertificate(label) instanceof X509Certificate)) {
        return Optional.empty();
      }
      X509Certificate certificate = (X509Certificate) store.getCertificate(label);
      PrivateKey privateKey = (PrivateKey) store.getKey(label, null);
      KeyAlgorithm algorithm = KeyAlgorithm.of(certificate.getPublicKey()).orElseThrow(
          () -> new GeneralSecurityException("the key labelled '" + label + "' is of a type iotpki does not sign with: "
              + KeyAlgorithm.describe(certificate.getPublicKey())));
      Signer signer = Signer.of(new KeyPair(certificate.getPublicKey(), privateKey),
          algorithm.defaultSignatureAlgorithm(), providers());
      return Optional.of(new TokenKey(label, certificate, privateKey, signer));
    }
  }

  /**
   * The labels of the keys on the token that have a certificate beside them (the keys {@link
   * #find} sees), in the token's order.
   *
   * @throws GeneralSecurityException if the token fails
   */
  public List<String> labels() throws GeneralSecurityException {
    synchronized (store) {
      List<String> labels = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          labels.add(alias);
        }
      }
      return List.copyOf(labels);
    }
  }

  /**
   * Destroys the key labelled {@code label} and its certificate on the token. Does nothing when
   * there is none.
   *
   * @throws GeneralSecurityException if the token fails
   */
  public void delete(String label) throws GeneralSecurityException {
    Objects.requireNonNull(label, "label");
    synchronized (store) {
      if (store.containsAlias(label)) {
        store.deleteEntry(label);
        LOG.info("deleted the key labelled '{}' on {}", label, provider.getName());
      }
    }
  }

  @Override
  public String toString() {
    return "TokenKeys[" + provider.getName() + "]";
  }
}
