// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.validation;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.iotpki.core.cert.KeyUsage;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.internal.KeyIdentifiers;
import org.iotpki.core.revocation.RevocationChecker;
import org.iotpki.core.revocation.RevocationResult;

/**
 * Validates a certificate chain against trust anchors (RFC 5280 path validation, without policy
 * and name-constraint processing) and answers with a {@link ChainResult}.
 *
 * <p>The chain is given leaf first, each certificate followed by its issuer. It may end with a
 * trust anchor or with a certificate a trust anchor issued. Checked, from the anchor down: the
 * validity of every certificate (the anchor's too) at the validation time, issuer/subject name
 * chaining, authority/subject key identifiers where both are present, every signature, that
 * issuers are CAs allowed to sign certificates, path length constraints, and that no certificate
 * has a critical extension that nothing processes. With a {@link Builder#revocation revocation
 * checker}, the revocation status of every certificate below the anchor, from the anchor down.
 * Then the extra {@link ChainRule}s run in order. The first failure decides the result.
 *
 * <pre>{@code
 * ChainValidator validator = ChainValidator.builder().trustAnchor(root).build();
 * ChainResult result = validator.validate(List.of(device, intermediate));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ChainValidator {
  /** Default limit of certificates in a chain, anchor excluded. */
  public static final int DEFAULT_MAX_CHAIN_LENGTH = 10;

  /** Critical extensions the core checks process (subjectAltName and EKU are left to the caller). */
  private static final Set<String> PROCESSED_EXTENSIONS =
      Set.of(
          Extension.basicConstraints.getId(),
          Extension.keyUsage.getId(),
          Extension.subjectKeyIdentifier.getId(),
          Extension.authorityKeyIdentifier.getId(),
          Extension.subjectAlternativeName.getId(),
          Extension.extendedKeyUsage.getId());

  private final List<X509Certificate> anchors;
  private final Clock clock;
  private final List<ChainRule> rules;
  private final Set<String> handledCriticalExtensions;
  private final int maxChainLength;
  private final SignatureVerifier signatures;
  private final Optional<RevocationChecker> revocation;

  private ChainValidator(Builder builder) {
    this.anchors = List.copyOf(builder.anchors);
    this.clock = builder.clock;
    this.rules = List.copyOf(builder.rules);
    this.maxChainLength = builder.maxChainLength;
    this.signatures = SignatureVerifier.using(builder.providers);
    this.revocation = Optional.ofNullable(builder.revocation);
    Set<String> handled = new HashSet<>(PROCESSED_EXTENSIONS);
    handled.addAll(builder.handledCriticalExtensions);
    for (ChainRule rule : rules) {
      handled.addAll(rule.handledCriticalExtensions());
    }
    this.handledCriticalExtensions = Set.copyOf(handled);
  }

  /** A builder; at least one trust anchor is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Validates {@code chain} (leaf first) at the clock's current instant. */
  public ChainResult validate(List<X509Certificate> chain) {
    return validate(chain, clock.instant());
  }

  /**
   * Validates {@code chain} (leaf first) at {@code time}.
   *
   * @throws IllegalArgumentException if the chain is empty
   */
  public ChainResult validate(List<X509Certificate> chain, Instant time) {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(time, "time");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("empty chain");
    }
    if (chain.size() > maxChainLength) {
      return new ChainResult.Invalid(
          ChainFailure.CHAIN_TOO_LONG,
          maxChainLength,
          "chain of " + chain.size() + " certificates exceeds the limit of " + maxChainLength);
    }
    List<X509Certificate> path = new ArrayList<>(chain);
    X509Certificate last = path.get(path.size() - 1);
    // Finding the anchor verifies the top certificate's signature; it is not verified twice.
    int signatureVerified = -1;
    if (!isAnchor(last)) {
      Optional<ChainResult.Invalid> noAnchor = appendAnchor(path, last);
      if (noAnchor.isPresent()) {
        return noAnchor.get();
      }
      signatureVerified = path.size() - 2;
    }
    for (int index = path.size() - 1; index >= 0; index--) {
      Optional<ChainResult.Invalid> failure = checkCertificate(path, index, time, index == signatureVerified);
      if (failure.isPresent()) {
        return failure.get();
      }
    }
    List<RevocationResult> statuses = new ArrayList<>();
    if (revocation.isPresent()) {
      Optional<ChainResult.Invalid> failure = checkRevocation(revocation.get(), path, time, statuses);
      if (failure.isPresent()) {
        return failure.get();
      }
    }
    for (ChainRule rule : rules) {
      Optional<ChainResult.Invalid> failure = rule.check(List.copyOf(path), time);
      if (failure.isPresent()) {
        return failure.get();
      }
    }
    return new ChainResult.Valid(path, statuses);
  }

  /** Checks each certificate below the anchor, from the anchor down; {@code statuses} gets them in path order. */
  private static Optional<ChainResult.Invalid> checkRevocation(
      RevocationChecker checker, List<X509Certificate> path, Instant time, List<RevocationResult> statuses) {
    for (int index = path.size() - 2; index >= 0; index--) {
      RevocationResult status = checker.check(path.get(index), path.get(index + 1), time);
      if (status instanceof RevocationResult.Revoked) {
        RevocationResult.Revoked revoked = (RevocationResult.Revoked) status;
        return invalid(ChainFailure.REVOKED, index, "revoked (" + revoked.source() + ")"
            + revoked.revocationTime().map(at -> " at " + at).orElse("")
            + revoked.reason().map(reason -> ", reason " + reason).orElse(""));
      }
      if (status instanceof RevocationResult.Unknown) {
        RevocationResult.Unknown unknown = (RevocationResult.Unknown) status;
        return invalid(ChainFailure.REVOCATION_UNKNOWN, index,
            unknown.failure().name() + " (" + unknown.source() + "): " + unknown.message());
      }
      statuses.add(0, status);
    }
    return Optional.empty();
  }

  private boolean isAnchor(X509Certificate certificate) {
    for (X509Certificate anchor : anchors) {
      if (anchor.equals(certificate)) {
        return true;
      }
    }
    return false;
  }

  /** Finds the anchor that issued {@code top} and appends it, or says why there is none. */
  private Optional<ChainResult.Invalid> appendAnchor(List<X509Certificate> path, X509Certificate top) {
    int topIndex = path.size() - 1;
    X500Principal issuer = top.getIssuerX500Principal();
    ChainResult.Invalid firstMismatch = null;
    for (X509Certificate anchor : anchors) {
      if (!anchor.getSubjectX500Principal().equals(issuer)) {
        continue;
      }
      SignatureResult signature = signatures.verify(top, anchor.getPublicKey());
      if (signature.isValid()) {
        path.add(anchor);
        return Optional.empty();
      }
      if (firstMismatch == null) {
        firstMismatch =
            new ChainResult.Invalid(
                ((SignatureResult.Invalid) signature).reason(),
                topIndex,
                "certificate " + topIndex + " is not signed by the trust anchor "
                    + anchor.getSubjectX500Principal().getName() + ": "
                    + ((SignatureResult.Invalid) signature).message());
      }
    }
    return Optional.of(
        firstMismatch != null
            ? firstMismatch
            : new ChainResult.Invalid(
                ChainFailure.UNTRUSTED_ROOT,
                topIndex,
                "no trust anchor named " + issuer.getName() + " issued certificate " + topIndex));
  }

  private Optional<ChainResult.Invalid> checkCertificate(
      List<X509Certificate> path, int index, Instant time, boolean signatureVerified) {
    X509Certificate certificate = path.get(index);
    boolean anchor = index == path.size() - 1;
    try {
      Optional<ChainResult.Invalid> failure = checkValidity(certificate, index, time);
      if (failure.isEmpty() && !anchor) {
        failure = checkIssuedBy(certificate, path.get(index + 1), index, signatureVerified);
      }
      if (failure.isEmpty() && index > 0) {
        failure = checkIssuer(certificate, index);
      }
      if (failure.isEmpty()) {
        failure = checkCriticalExtensions(certificate, index);
      }
      return failure;
    } catch (IllegalArgumentException malformed) {
      return invalid(ChainFailure.MALFORMED_EXTENSION, index, malformed.getMessage());
    }
  }

  private static Optional<ChainResult.Invalid> checkValidity(
      X509Certificate certificate, int index, Instant time) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (time.isBefore(notBefore)) {
      return invalid(ChainFailure.NOT_YET_VALID, index, "not valid before " + notBefore + " (checked at " + time + ")");
    }
    if (time.isAfter(notAfter)) {
      return invalid(ChainFailure.EXPIRED, index, "expired at " + notAfter + " (checked at " + time + ")");
    }
    return Optional.empty();
  }

  private Optional<ChainResult.Invalid> checkIssuedBy(
      X509Certificate certificate, X509Certificate issuer, int index, boolean signatureVerified) {
    if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return invalid(
          ChainFailure.ISSUER_NAME_MISMATCH,
          index,
          "issuer " + certificate.getIssuerX500Principal().getName() + " is not the next certificate's subject "
              + issuer.getSubjectX500Principal().getName());
    }
    Optional<byte[]> authorityKeyId = KeyIdentifiers.authorityKeyIdentifier(certificate);
    Optional<byte[]> issuerKeyId = KeyIdentifiers.subjectKeyIdentifier(issuer);
    if (authorityKeyId.isPresent()
        && issuerKeyId.isPresent()
        && !Arrays.equals(authorityKeyId.get(), issuerKeyId.get())) {
      return invalid(
          ChainFailure.KEY_IDENTIFIER_MISMATCH,
          index,
          "authorityKeyIdentifier does not match the issuer's subjectKeyIdentifier");
    }
    if (signatureVerified) {
      return Optional.empty();
    }
    SignatureResult signature = signatures.verify(certificate, issuer.getPublicKey());
    if (signature instanceof SignatureResult.Invalid) {
      SignatureResult.Invalid failed = (SignatureResult.Invalid) signature;
      return invalid(failed.reason(), index, failed.message());
    }
    return Optional.empty();
  }

  /** Checks a certificate that issued the one at {@code index - 1}. */
  private static Optional<ChainResult.Invalid> checkIssuer(X509Certificate issuer, int index) {
    int pathLength = issuer.getBasicConstraints();
    if (pathLength < 0) {
      return invalid(ChainFailure.NOT_A_CA, index, "issues certificates but is not a CA");
    }
    boolean[] keyUsage = issuer.getKeyUsage();
    if (keyUsage != null && !keyUsage[KeyUsage.KEY_CERT_SIGN.bit()]) {
      return invalid(ChainFailure.KEY_CERT_SIGN_NOT_ALLOWED, index, "keyUsage does not include keyCertSign");
    }
    // CA certificates below this one, the leaf not counted (RFC 5280 6.1.4 (l), (m)).
    int intermediatesBelow = index - 1;
    if (intermediatesBelow > pathLength) {
      return invalid(
          ChainFailure.PATH_LENGTH_EXCEEDED,
          index,
          "pathLenConstraint " + pathLength + " but " + intermediatesBelow + " CA certificates follow");
    }
    return Optional.empty();
  }

  private Optional<ChainResult.Invalid> checkCriticalExtensions(X509Certificate certificate, int index) {
    Set<String> critical = certificate.getCriticalExtensionOIDs();
    if (critical != null) {
      for (String oid : critical) {
        if (!handledCriticalExtensions.contains(oid)) {
          return invalid(ChainFailure.UNHANDLED_CRITICAL_EXTENSION, index, "critical extension " + oid + " is not processed");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<ChainResult.Invalid> invalid(ReasonCode reason, int index, String message) {
    return Optional.of(new ChainResult.Invalid(reason, index, message));
  }

  /** Configures a {@link ChainValidator}. */
  public static final class Builder {
    private final List<X509Certificate> anchors = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private final List<ChainRule> rules = new ArrayList<>();
    private final Set<String> handledCriticalExtensions = new HashSet<>();
    private int maxChainLength = DEFAULT_MAX_CHAIN_LENGTH;
    private ProviderStrategy providers = ProviderStrategy.defaults();
    private RevocationChecker revocation;

    private Builder() {}

    /** Trusts a root (or any CA) certificate. */
    public Builder trustAnchor(X509Certificate anchor) {
      anchors.add(Objects.requireNonNull(anchor, "anchor"));
      return this;
    }

    /** Trusts each of these certificates. */
    public Builder trustAnchors(Collection<X509Certificate> anchors) {
      anchors.forEach(this::trustAnchor);
      return this;
    }

    /** The clock that gives the validation time when none is passed. Default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Adds a profile rule that runs after the core checks. */
    public Builder rule(ChainRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Accepts certificates that carry this critical extension although no check processes it.
     * The name says what you give up: the extension's meaning is ignored.
     */
    public Builder ignoreCriticalExtension(String oid) {
      handledCriticalExtensions.add(Objects.requireNonNull(oid, "oid"));
      return this;
    }

    /** The most certificates a chain may have, the anchor not counted. */
    public Builder maxChainLength(int maxChainLength) {
      if (maxChainLength < 1) {
        throw new IllegalArgumentException("maxChainLength must be at least 1");
      }
      this.maxChainLength = maxChainLength;
      return this;
    }

    /** The providers signatures are verified with. Default: {@link ProviderStrategy#defaults()}. */
    public Builder providers(ProviderStrategy providers) {
      this.providers = Objects.requireNonNull(providers, "providers");
      return this;
    }

    /**
     * Checks the revocation status of every certificate below the trust anchor (default: none is
     * checked). A revoked certificate fails with {@link ChainFailure#REVOKED}, one whose status is
     * unknown with {@link ChainFailure#REVOCATION_UNKNOWN}.
     */
    public Builder revocation(RevocationChecker revocation) {
      this.revocation = Objects.requireNonNull(revocation, "revocation");
      return this;
    }

    /**
     * The validator.
     *
     * @throws IllegalArgumentException without a trust anchor
     */
    public ChainValidator build() {
      if (anchors.isEmpty()) {
        throw new IllegalArgumentException("a ChainValidator needs at least one trust anchor");
      }
      return new ChainValidator(this);
    }
  }
}
