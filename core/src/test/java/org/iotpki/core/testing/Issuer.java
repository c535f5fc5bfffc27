// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;

/**
 * A certificate with its key, for building chains in core's own tests (which cannot use the
 * testkit: it depends on core).
 */
public record Issuer(KeyPair keyPair, X509Certificate certificate) {
  /** All test certificates are valid from here for a year. */
  public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  /** A self-signed CA. */
  public static Issuer root(String subject, KeyAlgorithm algorithm) throws Exception {
    KeyPair key = KeyPairs.generate(algorithm);
    X509Certificate certificate =
        base(subject, key)
            .basicConstraints(BasicConstraints.caUnlimited())
            .sign(Signer.of(key));
    return new Issuer(key, certificate);
  }

  /** A CA certificate issued by this one. */
  public Issuer intermediate(String subject) throws Exception {
    return issue(subject, keyAlgorithm(), builder -> builder.basicConstraints(BasicConstraints.caUnlimited()));
  }

  /** A certificate issued by this one, adjusted by {@code customizer}. */
  public Issuer issue(String subject, KeyAlgorithm algorithm, UnaryOperator<CertificateBuilder> customizer)
      throws Exception {
    KeyPair key = KeyPairs.generate(algorithm);
    X509Certificate issued = customizer.apply(base(subject, key).issuer(certificate)).sign(Signer.of(keyPair));
    return new Issuer(key, issued);
  }

  /** An end-entity certificate issued by this one. */
  public Issuer leaf(String subject) throws Exception {
    return issue(subject, keyAlgorithm(), UnaryOperator.identity());
  }

  private KeyAlgorithm keyAlgorithm() {
    return KeyAlgorithm.of(keyPair.getPublic()).orElseThrow();
  }

  private static CertificateBuilder base(String subject, KeyPair key) {
    return CertificateBuilder.create()
        .subject(subject)
        .publicKey(key.getPublic())
        .validity(NOW, NOW.plus(Duration.ofDays(365)));
  }
}
