// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.crypto.KeyFamily;
import org.iotpki.core.crypto.Signer;

/**
 * Signs certificates under a {@link HybridPolicy}, the signing side of {@link HybridVerifier}: a
 * certificate it signs is accepted by {@code HybridVerifier.of(signer.policy())}.
 *
 * <pre>{@code
 * HybridSigner ca = HybridSigner.catalyst(Signer.of(ecKeys), Signer.of(mlDsaKeys));
 * X509Certificate device = ca.sign(CertificateBuilder.create().subject("CN=device").publicKey(key).issuer(caCert));
 * }</pre>
 *
 * <p>The factories check that each signer's algorithm is of the kind the policy names, so a
 * misconfigured CA fails when it is set up, not when a verifier rejects its first certificate.
 */
public final class HybridSigner {
  private final HybridPolicy policy;
  private final Signer signer;
  private final Optional<Signer> alternative;

  private HybridSigner(HybridPolicy policy, Signer signer, Optional<Signer> alternative) {
    this.policy = policy;
    this.signer = signer;
    this.alternative = alternative;
  }

  /**
   * Classical signatures only (ECDSA, EdDSA, RSA).
   *
   * @throws IllegalArgumentException if the signer's algorithm is post-quantum
   */
  public static HybridSigner classicalOnly(Signer classical) {
    require(classical, "classical", !family(classical).isPostQuantum());
    return new HybridSigner(HybridPolicy.CLASSICAL_ONLY, classical, Optional.empty());
  }

  /**
   * ML-DSA signatures only.
   *
   * @throws IllegalArgumentException if the signer's algorithm is not ML-DSA
   */
  public static HybridSigner pqOnly(Signer mlDsa) {
    require(mlDsa, "ML-DSA", family(mlDsa) == KeyFamily.ML_DSA);
    return new HybridSigner(HybridPolicy.PQ_ONLY, mlDsa, Optional.empty());
  }

  /**
   * Composite ML-DSA signatures (an ML-DSA and a traditional signature in one value).
   *
   * @throws IllegalArgumentException if the signer's algorithm is not composite ML-DSA
   */
  public static HybridSigner composite(Signer composite) {
    require(composite, "composite ML-DSA", family(composite) == KeyFamily.COMPOSITE_ML_DSA);
    return new HybridSigner(HybridPolicy.COMPOSITE, composite, Optional.empty());
  }

  /**
   * Catalyst certificates: a classical signature that legacy verifiers check and an alternative
   * ML-DSA signature in the X.509 9.8 extensions.
   *
   * @throws IllegalArgumentException if {@code classical} is post-quantum or {@code alternative}
   *     is not ML-DSA
   */
  public static HybridSigner catalyst(Signer classical, Signer alternative) {
    require(classical, "classical", !family(classical).isPostQuantum());
    require(alternative, "ML-DSA", family(alternative) == KeyFamily.ML_DSA);
    return new HybridSigner(HybridPolicy.CATALYST, classical, Optional.of(alternative));
  }

  /** The policy this signer's certificates satisfy. */
  public HybridPolicy policy() {
    return policy;
  }

  /** The public key that verifies the (classical, ML-DSA or composite) signature. */
  public PublicKey publicKey() {
    return signer.publicKey();
  }

  /**
   * The alternative public key of a catalyst signer: the one a CA's own certificate publishes
   * with {@link CertificateBuilder#subjectAltPublicKey(PublicKey)}.
   */
  public Optional<PublicKey> alternativePublicKey() {
    return alternative.map(Signer::publicKey);
  }

  /**
   * Checks the certificate, then signs it: once, or for a catalyst signer twice.
   *
   * @throws IllegalArgumentException if the certificate is incomplete or inconsistent (for a
   *     catalyst signer also: the issuer publishes another alternative key)
   * @throws GeneralSecurityException if a signer fails
   */
  public X509Certificate sign(CertificateBuilder certificate) throws GeneralSecurityException {
    Objects.requireNonNull(certificate, "certificate");
    return alternative.isPresent() ? certificate.signCatalyst(signer, alternative.get()) : certificate.sign(signer);
  }

  @Override
  public String toString() {
    return "HybridSigner[" + policy + ", " + signer + alternative.map(a -> ", " + a).orElse("") + "]";
  }

  private static KeyFamily family(Signer signer) {
    return Objects.requireNonNull(signer, "signer").algorithm().keyFamily();
  }

  private static void require(Signer signer, String kind, boolean fits) {
    if (!fits) {
      throw new IllegalArgumentException("a " + kind + " signer is needed, not " + signer.algorithm());
    }
  }
}
