// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import java.lang.management.ManagementFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.iotpki.core.c509.C509Certificate;
import org.iotpki.core.c509.C509ConversionException;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.validation.SignatureVerifier;

/**
 * What a certificate chain costs a device: bytes of certificates (DER and C509), keys and
 * signatures, and the memory its verification allocates, against a {@link DeviceProfile}.
 *
 * <pre>{@code
 * SizeBudget budget = SizeBudget.of(chain, DeviceProfile.constrained());
 * if (!budget.fitsFlash()) { ... }
 * }</pre>
 *
 * @param profile the device the budget is for
 * @param certificates one entry per certificate, leaf first
 * @param verificationAllocatedBytes heap bytes allocated while verifying every signature of the
 *     chain once (an upper bound of the heap verification needs above the certificates
 *     themselves); empty where the JVM cannot count allocations
 */
public record SizeBudget(
    DeviceProfile profile, List<CertificateCost> certificates, OptionalLong verificationAllocatedBytes) {

  /**
   * The cost of one certificate.
   *
   * @param subject the subject (RFC 2253)
   * @param signatureAlgorithm iotpki's name of the algorithm that signed it, or its OID
   * @param publicKeyAlgorithm the subject key, such as {@code "ML-DSA-44"}
   * @param derBytes the certificate as DER
   * @param c509Bytes the certificate as C509, if it has that form
   * @param publicKeyBytes the SubjectPublicKeyInfo
   * @param signatureBytes the signature value
   */
  public record CertificateCost(
      String subject,
      String signatureAlgorithm,
      String publicKeyAlgorithm,
      int derBytes,
      OptionalInt c509Bytes,
      int publicKeyBytes,
      int signatureBytes) {}

  public SizeBudget {
    Objects.requireNonNull(profile, "profile");
    certificates = List.copyOf(certificates);
    Objects.requireNonNull(verificationAllocatedBytes, "verificationAllocatedBytes");
  }

  /**
   * Measures a chain (leaf first; each certificate's issuer follows it, a self-signed last one is
   * checked with its own key). Signatures that do not verify still count: this is a size report,
   * not a validation.
   *
   * @throws PkiParseException if a certificate has a malformed extension
   */
  public static SizeBudget of(List<X509Certificate> chain, DeviceProfile profile) throws PkiParseException {
    Objects.requireNonNull(chain, "chain");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("empty chain");
    }
    List<CertificateCost> costs = new ArrayList<>();
    for (X509Certificate certificate : chain) {
      costs.add(cost(certificate));
    }
    return new SizeBudget(profile, costs, allocationsOfVerifying(chain));
  }

  /** Bytes of all certificates as DER. */
  public long chainDerBytes() {
    return certificates.stream().mapToLong(CertificateCost::derBytes).sum();
  }

  /** Bytes of all certificates as C509, counting those without a C509 form at their DER size. */
  public long chainC509Bytes() {
    return certificates.stream().mapToLong(c -> c.c509Bytes().orElse(c.derBytes())).sum();
  }

  /** The share of the device's flash the DER chain takes, from 0 to 1 (or more). */
  public double flashShare() {
    return (double) chainDerBytes() / profile.flashBytes();
  }

  /** Whether the DER chain fits in flash. */
  public boolean fitsFlash() {
    return chainDerBytes() <= profile.flashBytes();
  }

  /** Whether verification allocates less than the device's RAM; empty when not measured. */
  public java.util.Optional<Boolean> verificationFitsRam() {
    return verificationAllocatedBytes.isPresent()
        ? java.util.Optional.of(verificationAllocatedBytes.getAsLong() <= profile.ramBytes())
        : java.util.Optional.empty();
  }

  private static CertificateCost cost(X509Certificate certificate) throws PkiParseException {
    CertificateSummary summary = CertificateSummary.of(certificate);
    OptionalInt c509;
    try {
      c509 = OptionalInt.of(C509Certificate.encode(certificate).size());
    } catch (C509ConversionException e) {
      c509 = OptionalInt.empty();
    }
    return new CertificateCost(
        summary.subject(),
        summary.signatureAlgorithm(),
        summary.publicKeyAlgorithm(),
        summary.derLength(),
        c509,
        summary.publicKeyInfoLength(),
        summary.signatureLength());
  }

  /** Heap bytes the current thread allocates verifying the chain's signatures once. */
  private static OptionalLong allocationsOfVerifying(List<X509Certificate> chain) {
    var threads = ManagementFactory.getThreadMXBean();
    if (!(threads instanceof com.sun.management.ThreadMXBean)) {
      return OptionalLong.empty();
    }
    var counting = (com.sun.management.ThreadMXBean) threads;
    if (!counting.isThreadAllocatedMemorySupported() || !counting.isThreadAllocatedMemoryEnabled()) {
      return OptionalLong.empty();
    }
    verifyAll(chain); // once to load classes and warm caches, which a device pays only once
    long before = counting.getCurrentThreadAllocatedBytes();
    verifyAll(chain);
    return OptionalLong.of(counting.getCurrentThreadAllocatedBytes() - before);
  }

  private static void verifyAll(List<X509Certificate> chain) {
    SignatureVerifier verifier = SignatureVerifier.bouncyCastle();
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate certificate = chain.get(i);
      X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : certificate;
      if (issuer == certificate && !certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
        continue; // the issuer of the last certificate is not in the chain
      }
      verifier.verify(certificate, issuer.getPublicKey());
    }
  }

}
