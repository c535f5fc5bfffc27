// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.PendingEnrollment;

/**
 * An enrollment begun and not finished, as a {@link CredentialStore} keeps it across restarts.
 *
 * @param keyPair the key pair the request was (or is about to be) made for; its private key may
 *     be a handle to a key in a token
 * @param providers the providers that can use the private key
 * @param pending the CA's "pending" answer and how to poll it; empty until the CA gave one
 */
public record InFlightEnrollment(
    KeyPair keyPair, ProviderStrategy providers, Optional<PendingEnrollment> pending) {
  public InFlightEnrollment {
    Objects.requireNonNull(keyPair, "keyPair");
    Objects.requireNonNull(keyPair.getPrivate(), "keyPair.getPrivate()");
    Objects.requireNonNull(keyPair.getPublic(), "keyPair.getPublic()");
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(pending, "pending");
  }

  /** The private key of the request. */
  public PrivateKey key() {
    return keyPair.getPrivate();
  }

  /**
   * The key as an enrollment client takes it: it signs with the key type's default algorithm
   * through {@link #providers()}, and can decrypt where the protocol needs it.
   *
   * @throws IllegalArgumentException for a key type iotpki does not sign with
   */
  public EnrollmentKey.Existing enrollmentKey() {
    KeyAlgorithm algorithm = KeyAlgorithm.of(keyPair.getPublic()).orElseThrow(
        () -> new IllegalArgumentException("iotpki does not sign with "
            + KeyAlgorithm.describe(keyPair.getPublic())));
    Signer signer = Signer.of(keyPair, algorithm.defaultSignatureAlgorithm(), providers);
    return new EnrollmentKey.Existing(signer, Optional.of(keyPair.getPrivate()));
  }

  /** The credential of this key once the CA has issued {@code chain} for it. */
  public Credential credential(List<X509Certificate> chain) {
    return new Credential(keyPair.getPrivate(), chain, providers);
  }

  @Override
  public String toString() {
    return "InFlightEnrollment[" + keyPair.getPrivate().getAlgorithm() + " key"
        + pending.map(p -> ", pending " + p.protocol()).orElse("") + "]";
  }
}
