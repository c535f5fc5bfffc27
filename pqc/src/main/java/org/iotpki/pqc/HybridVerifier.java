// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyFamily;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.validation.ChainFailure;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;

/**
 * Verifies a certificate's signatures under a {@link HybridPolicy} and reports each component.
 *
 * <pre>{@code
 * HybridVerification result = HybridVerifier.of(HybridPolicy.CATALYST).verify(certificate, issuer);
 * result.components();   // classical: Valid, alternative: Valid
 * }</pre>
 */
public final class HybridVerifier {
  private final HybridPolicy policy;

  private HybridVerifier(HybridPolicy policy) {
    this.policy = policy;
  }

  /** A verifier for {@code policy}. */
  public static HybridVerifier of(HybridPolicy policy) {
    return new HybridVerifier(Objects.requireNonNull(policy, "policy"));
  }

  /**
   * Verifies {@code certificate}'s signatures with {@code issuer}'s keys (pass the certificate
   * itself for a self-signed one).
   */
  public HybridVerification verify(X509Certificate certificate, X509Certificate issuer) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(issuer, "issuer");
    String oid = certificate.getSigAlgOID();
    Optional<KeyFamily> family = SignatureAlgorithm.fromOid(oid).map(SignatureAlgorithm::keyFamily);
    SignatureResult outer = SignatureVerifier.bouncyCastle().verify(certificate, issuer.getPublicKey());
    List<HybridVerification.Component> components = new ArrayList<>();
    switch (policy) {
      case CLASSICAL_ONLY:
        components.add(new HybridVerification.Component("classical", oid, outer));
        return answer(components, family.filter(f -> !f.isPostQuantum()).isPresent(),
            "the signature algorithm " + oid + " is not classical");
      case PQ_ONLY:
        components.add(new HybridVerification.Component("ml-dsa", oid, outer));
        return answer(components, family.filter(KeyFamily.ML_DSA::equals).isPresent(),
            "the signature algorithm " + oid + " is not ML-DSA");
      case COMPOSITE:
        if (family.filter(KeyFamily.COMPOSITE_ML_DSA::equals).isEmpty()) {
          components.add(new HybridVerification.Component("composite", oid, outer));
          return answer(components, false, "the signature algorithm " + oid + " is not composite ML-DSA");
        }
        components.addAll(halves(certificate, issuer, outer));
        HybridVerification halves = answer(components, true, "");
        // Both halves verified on their own, so the composite as a whole must too.
        return halves.accepted() && !outer.isValid()
            ? new HybridVerification(policy, false, components, "composite signature: " + ((SignatureResult.Invalid) outer).message())
            : halves;
      case CATALYST:
        components.add(new HybridVerification.Component("classical", oid, outer));
        Optional<HybridVerification.Component> alternative = alternative(certificate, issuer);
        if (alternative.isEmpty()) {
          return answer(components, false, "the certificate has no alternative signature");
        }
        components.add(alternative.get());
        return answer(components, family.filter(f -> !f.isPostQuantum()).isPresent(),
            "the signature algorithm " + oid + " is not classical");
      default:
        throw new AssertionError(policy);
    }
  }

  /** The ML-DSA and traditional halves of a composite signature, each verified on its own. */
  private static List<HybridVerification.Component> halves(X509Certificate certificate, X509Certificate issuer,
      SignatureResult outer) {
    SignatureAlgorithm composite = SignatureAlgorithm.fromOid(certificate.getSigAlgOID()).orElseThrow();
    if (outer instanceof SignatureResult.Invalid invalid && invalid.reason() == ChainFailure.KEY_ALGORITHM_MISMATCH) {
      return List.of(new HybridVerification.Component("composite", composite.oid(), outer));
    }
    try {
      return CompositeHalves.verify(composite, issuer.getPublicKey(), certificate.getTBSCertificate(), certificate.getSignature());
    } catch (CertificateEncodingException e) {
      return List.of(new HybridVerification.Component("composite", composite.oid(),
          new SignatureResult.Invalid(ChainFailure.SIGNATURE_INVALID, "no signed content: " + e.getMessage())));
    }
  }

  private HybridVerification answer(List<HybridVerification.Component> components, boolean shapeOk, String shapeMessage) {
    for (HybridVerification.Component component : components) {
      if (component.result() instanceof SignatureResult.Invalid) {
        return new HybridVerification(policy, false, components,
            component.name() + " signature: " + ((SignatureResult.Invalid) component.result()).message());
      }
    }
    return new HybridVerification(policy, shapeOk, components, shapeOk ? "" : shapeMessage);
  }

  /** The altSignatureValue checked with the issuer's subjectAltPublicKeyInfo, if the certificate has one. */
  private static Optional<HybridVerification.Component> alternative(X509Certificate certificate, X509Certificate issuer) {
    byte[] algorithm = certificate.getExtensionValue(Extension.altSignatureAlgorithm.getId());
    if (algorithm == null || !Catalyst.hasAlternativeSignature(certificate)) {
      return Optional.empty();
    }
    String oid;
    try {
      oid = AlgorithmIdentifier.getInstance(ASN1OctetString.getInstance(algorithm).getOctets()).getAlgorithm().getId();
    } catch (RuntimeException e) {
      return Optional.of(invalid("?", ChainFailure.MALFORMED_EXTENSION, "malformed altSignatureAlgorithm"));
    }
    try {
      Optional<PublicKey> issuerAltKey = Catalyst.alternativePublicKey(issuer);
      if (issuerAltKey.isEmpty()) {
        return Optional.of(invalid(oid, ChainFailure.MALFORMED_EXTENSION, "the issuer has no subjectAltPublicKeyInfo"));
      }
      PublicKey key = issuerAltKey.get();
      Optional<SignatureAlgorithm> known = SignatureAlgorithm.fromOid(oid);
      if (known.isEmpty()) {
        return Optional.of(invalid(oid, ChainFailure.UNSUPPORTED_SIGNATURE_ALGORITHM, "alternative algorithm " + oid + " is not supported"));
      }
      if (!known.get().isCompatibleWith(key)) {
        return Optional.of(invalid(oid, ChainFailure.KEY_ALGORITHM_MISMATCH, "the issuer's alternative key does not fit " + oid));
      }
      boolean valid = new X509CertificateHolder(certificate.getEncoded())
          .isAlternativeSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bouncy.PROVIDER).build(key));
      return Optional.of(new HybridVerification.Component("alternative", oid, valid
          ? new SignatureResult.Valid(known.get())
          : new SignatureResult.Invalid(ChainFailure.SIGNATURE_INVALID, "alternative " + known.get() + " signature does not verify")));
    } catch (PkiParseException | IOException | CertificateEncodingException | CertException
        | OperatorCreationException | RuntimeException e) {
      return Optional.of(invalid(oid, ChainFailure.SIGNATURE_INVALID, "alternative signature unverifiable: " + e.getMessage()));
    }
  }

  private static HybridVerification.Component invalid(String oid, ChainFailure reason, String message) {
    return new HybridVerification.Component("alternative", oid, new SignatureResult.Invalid(reason, message));
  }
}
