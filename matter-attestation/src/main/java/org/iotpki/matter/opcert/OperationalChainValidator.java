// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.internal.CertDerCodec;
import org.iotpki.matter.internal.EcdsaSignatures;
import org.iotpki.matter.internal.MatterTime;
import org.iotpki.matter.internal.OpCertProfile;
import org.iotpki.matter.internal.RuleFailure;

/**
 * Validates a Matter operational chain NOC -> ICAC (optional) -> RCAC (spec section 6.5 and
 * connectedhomeip's ValidateChipRCAC / ChipCertificateSet rules): each certificate against its
 * role's profile (identifiers, node id range, fabric id, CATs, required extensions, CA flags, path
 * lengths, key usages), then the links (issuer DN, key identifiers, one fabric id), the validity
 * times, and the signatures over the DER forms. The RCAC is the trust anchor: the caller decides
 * whether to trust it.
 *
 * <pre>{@code
 * OperationalChainResult result = OperationalChainValidator.defaults().validate(noc, icac, rcac, Instant.now());
 * if (result instanceof OperationalChainResult.Invalid invalid) {
 *   System.out.println(invalid.reason() + " at " + invalid.certificate());   // e.g. SIGNATURE_INVALID at NOC
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class OperationalChainValidator {
  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private final ProviderStrategy providers;

  private OperationalChainValidator(ProviderStrategy providers) {
    this.providers = providers;
  }

  /** A validator that verifies signatures with BouncyCastle. */
  public static OperationalChainValidator defaults() {
    return new OperationalChainValidator(ProviderStrategy.bouncyCastle());
  }

  /** A validator that verifies signatures with the providers {@code providers} picks. */
  public static OperationalChainValidator withProviders(ProviderStrategy providers) {
    return new OperationalChainValidator(Objects.requireNonNull(providers, "providers"));
  }

  /** Validates a chain without an ICAC at {@code at}. */
  public OperationalChainResult validate(OperationalCertificate noc, OperationalCertificate rcac, Instant at) {
    return validate(noc, Optional.empty(), rcac, at);
  }

  /** Validates a chain with an ICAC at {@code at}. */
  public OperationalChainResult validate(
      OperationalCertificate noc, OperationalCertificate icac, OperationalCertificate rcac, Instant at) {
    return validate(noc, Optional.of(Objects.requireNonNull(icac, "icac")), rcac, at);
  }

  /** Validates a chain with or without an ICAC at {@code at}. */
  public OperationalChainResult validate(
      OperationalCertificate noc, Optional<OperationalCertificate> icac, OperationalCertificate rcac, Instant at) {
    Objects.requireNonNull(noc, "noc");
    Objects.requireNonNull(icac, "icac");
    Objects.requireNonNull(rcac, "rcac");
    Objects.requireNonNull(at, "at");
    try {
      // From the anchor down, each certificate is checked completely before the one it issued, so
      // the failure reported is the one closest to the anchor.
      PublicKey rcacKey = checkOwnRules(rcac, CertificateRole.RCAC, rcac, at);
      verify(rcac, CertificateRole.RCAC, rcacKey);
      PublicKey nocIssuerKey = rcacKey;
      if (icac.isPresent()) {
        if (rcac.basicConstraints().orElseThrow().pathLength().orElse(1) < 1) {
          throw new RuleFailure(OperationalChainFailure.PATH_LENGTH_EXCEEDED, CertificateRole.RCAC,
              "the RCAC's pathLenConstraint 0 allows no ICAC");
        }
        nocIssuerKey = checkOwnRules(icac.get(), CertificateRole.ICAC, rcac, at);
        verify(icac.get(), CertificateRole.ICAC, rcacKey);
      }
      checkOwnRules(noc, CertificateRole.NOC, icac.orElse(rcac), at);
      verify(noc, CertificateRole.NOC, nocIssuerKey);
      long fabricId = fabricId(noc, icac, rcac);

      DistinguishedName subject = noc.subject();
      return new OperationalChainResult.Valid(
          subject.matterId(DnAttributeType.MATTER_NODE_ID).getAsLong(), fabricId, subject.ids(DnAttributeType.MATTER_NOC_CAT));
    } catch (RuleFailure failure) {
      return new OperationalChainResult.Invalid(failure.reason(), failure.role(), failure.getMessage());
    }
  }

  /**
   * The rules {@code certificate} must meet before its signature is checked: its role's profile, a
   * usable public key, the link to {@code issuer} and the validity time.
   *
   * @return the certificate's public key
   */
  private static PublicKey checkOwnRules(
      OperationalCertificate certificate, CertificateRole role, OperationalCertificate issuer, Instant at) throws RuleFailure {
    OpCertProfile.check(certificate, role);
    PublicKey key = key(certificate, role);
    link(certificate, role, issuer);
    time(certificate, role, at);
    return key;
  }

  /** The issuer DN and authority key id of {@code child} against {@code issuer}'s subject and key id. */
  private static void link(OperationalCertificate child, CertificateRole role, OperationalCertificate issuer) throws RuleFailure {
    if (!child.issuer().equals(issuer.subject())) {
      throw new RuleFailure(OperationalChainFailure.ISSUER_MISMATCH, role,
          "issuer [" + child.issuer() + "] is not [" + issuer.subject() + "]");
    }
    Optional<byte[]> akid = child.authorityKeyId();
    byte[] skid = issuer.subjectKeyId().orElseThrow();
    if (akid.isPresent() && !Arrays.equals(akid.get(), skid)) {
      throw new RuleFailure(OperationalChainFailure.KEY_IDENTIFIER_MISMATCH, role,
          "authorityKeyIdentifier is not the issuer's subjectKeyIdentifier");
    }
  }

  /** The fabric id: the NOC's, which an ICAC or RCAC that names one must repeat. */
  private static long fabricId(OperationalCertificate noc, Optional<OperationalCertificate> icac, OperationalCertificate rcac)
      throws RuleFailure {
    long fabricId = noc.subject().matterId(DnAttributeType.MATTER_FABRIC_ID).getAsLong();
    if (icac.isPresent()) {
      sameFabric(icac.get(), CertificateRole.ICAC, fabricId);
    }
    sameFabric(rcac, CertificateRole.RCAC, fabricId);
    return fabricId;
  }

  private static void sameFabric(OperationalCertificate ca, CertificateRole role, long fabricId) throws RuleFailure {
    OptionalLong caFabric = ca.subject().matterId(DnAttributeType.MATTER_FABRIC_ID);
    if (caFabric.isPresent() && caFabric.getAsLong() != fabricId) {
      throw new RuleFailure(OperationalChainFailure.FABRIC_ID_MISMATCH, role,
          "fabric id " + Long.toHexString(caFabric.getAsLong()) + " is not the NOC's " + Long.toHexString(fabricId));
    }
  }

  private static void time(OperationalCertificate certificate, CertificateRole role, Instant at) throws RuleFailure {
    if (at.isBefore(certificate.notBeforeInstant())) {
      throw new RuleFailure(OperationalChainFailure.NOT_YET_VALID, role, "not valid before " + certificate.notBeforeInstant());
    }
    if (certificate.notAfter() != MatterTime.NO_EXPIRY && at.isAfter(certificate.notAfterInstant().orElseThrow())) {
      throw new RuleFailure(OperationalChainFailure.EXPIRED, role, "expired at " + certificate.notAfterInstant().orElseThrow());
    }
  }

  private static PublicKey key(OperationalCertificate certificate, CertificateRole role) throws RuleFailure {
    try {
      return PkiReader.defaults().readPublicKey(CertDerCodec.subjectPublicKeyInfo(certificate.publicKey()));
    } catch (PkiParseException e) {
      throw new RuleFailure(OperationalChainFailure.INVALID_PUBLIC_KEY, role, "the public key is not a P-256 point: " + e.getMessage());
    }
  }

  private void verify(OperationalCertificate certificate, CertificateRole role, PublicKey issuerKey) throws RuleFailure {
    boolean valid;
    try {
      Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM, providers.provider("Signature", SIGNATURE_ALGORITHM));
      verifier.initVerify(issuerKey);
      verifier.update(CertDerCodec.tbs(certificate));
      valid = verifier.verify(EcdsaSignatures.toDer(certificate.signature()));
    } catch (GeneralSecurityException e) {
      valid = false;
    }
    if (!valid) {
      throw new RuleFailure(OperationalChainFailure.SIGNATURE_INVALID, role, "the signature does not verify with the issuer's key");
    }
  }
}
