// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x509.Extension;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.internal.Durations;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;

/**
 * The revocation status of a certificate from the sources configured, asked in a fixed order:
 * the short-lived exemption, then the issuer's {@link RevocationFilter}, then its CRL, then OCSP.
 * The first source that covers the certificate's issuer decides; without one the status is
 * {@link RevocationFailure#NO_SOURCE unknown}. Give it to {@code ChainValidator.Builder.revocation}
 * to check every certificate of a chain below the trust anchor.
 *
 * <pre>{@code
 * RevocationChecker revocation = RevocationChecker.builder()
 *     .exemptShortLived(Duration.ofDays(7))
 *     .crl(intermediateCrl)
 *     .ocsp(OcspClient.builder().build())
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe (the OCSP client's cache aside, which is itself thread-safe).
 */
public final class RevocationChecker {
  private final Optional<Duration> shortLived;
  private final List<IssuerFilter> filters;
  private final List<X509CRL> crls;
  private final Optional<OcspClient> ocsp;
  private final SignatureVerifier signatures;
  private final Duration maxClockSkew;

  private record IssuerFilter(X509Certificate issuer, RevocationView view) {}

  private RevocationChecker(Builder builder) {
    this.shortLived = Optional.ofNullable(builder.shortLived);
    this.filters = List.copyOf(builder.filters);
    this.crls = List.copyOf(builder.crls);
    this.ocsp = Optional.ofNullable(builder.ocsp);
    this.signatures = SignatureVerifier.using(builder.providers);
    this.maxClockSkew = builder.maxClockSkew;
  }

  /** A builder; at least one source is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The status of {@code certificate}, which {@code issuer} issued, at {@code time}. */
  public RevocationResult check(X509Certificate certificate, X509Certificate issuer, Instant time) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(time, "time");
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (shortLived.isPresent()
        && Duration.between(certificate.getNotBefore().toInstant(), notAfter).compareTo(shortLived.get()) <= 0) {
      return new RevocationResult.Good(RevocationSource.SHORT_LIVED_CERTIFICATE, Optional.of(notAfter));
    }
    for (IssuerFilter filter : filters) {
      if (filter.issuer().equals(issuer)) {
        return filter.view().isRevoked(certificate.getSerialNumber())
            ? new RevocationResult.Revoked(RevocationSource.REVOCATION_FILTER, Optional.empty(), Optional.empty())
            : new RevocationResult.Good(RevocationSource.REVOCATION_FILTER, Optional.empty());
      }
    }
    for (X509CRL crl : crls) {
      if (crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
        return fromCrl(crl, certificate, issuer, time);
      }
    }
    if (ocsp.isPresent()) {
      return ocsp.get().check(certificate, issuer, time);
    }
    return new RevocationResult.Unknown(RevocationSource.NONE, RevocationFailure.NO_SOURCE,
        "no revocation source for certificates of " + issuer.getSubjectX500Principal().getName());
  }

  private RevocationResult fromCrl(X509CRL crl, X509Certificate certificate, X509Certificate issuer, Instant time) {
    SignatureResult signature = signatures.verify(crl, issuer.getPublicKey());
    if (signature instanceof SignatureResult.Invalid) {
      return new RevocationResult.Unknown(RevocationSource.CRL, RevocationFailure.SIGNATURE_INVALID,
          "CRL signature: " + ((SignatureResult.Invalid) signature).message());
    }
    Optional<Instant> nextUpdate = Optional.ofNullable(crl.getNextUpdate()).map(date -> date.toInstant());
    Optional<String> stale = Freshness.problem(crl.getThisUpdate().toInstant(), nextUpdate, time, maxClockSkew);
    if (stale.isPresent()) {
      return new RevocationResult.Unknown(RevocationSource.CRL, RevocationFailure.NOT_FRESH, "CRL " + stale.get());
    }
    X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
    if (entry == null) {
      return new RevocationResult.Good(RevocationSource.CRL, nextUpdate);
    }
    return new RevocationResult.Revoked(RevocationSource.CRL,
        Optional.of(entry.getRevocationDate().toInstant()), Optional.ofNullable(entry.getRevocationReason()));
  }

  /** Configures a {@link RevocationChecker}. */
  public static final class Builder {
    private Duration shortLived;
    private final List<IssuerFilter> filters = new ArrayList<>();
    private final List<X509CRL> crls = new ArrayList<>();
    private OcspClient ocsp;
    private ProviderStrategy providers = ProviderStrategy.bouncyCastle();
    private Duration maxClockSkew = OcspClient.DEFAULT_MAX_CLOCK_SKEW;

    private Builder() {}

    /**
     * Accepts certificates valid for at most {@code maxLifetime} without asking any source: they
     * expire before a revocation would reach a relying party. What this gives up: such a
     * certificate cannot be revoked.
     */
    public Builder exemptShortLived(Duration maxLifetime) {
      this.shortLived = Durations.positive(maxLifetime, "maxLifetime");
      return this;
    }

    /** Answers for certificates of {@code issuer} from its revocation filter and deltas. */
    public Builder filter(X509Certificate issuer, RevocationView view) {
      filters.add(new IssuerFilter(Objects.requireNonNull(issuer, "issuer"), Objects.requireNonNull(view, "view")));
      return this;
    }

    /**
     * Answers for certificates of the CRL's issuer from this complete CRL; its signature and
     * freshness are checked at each use.
     *
     * @throws IllegalArgumentException for a delta CRL
     */
    public Builder crl(X509CRL crl) {
      Objects.requireNonNull(crl, "crl");
      if (crl.getExtensionValue(Extension.deltaCRLIndicator.getId()) != null) {
        throw new IllegalArgumentException("a delta CRL is not a complete list of revoked certificates");
      }
      crls.add(crl);
      return this;
    }

    /** Asks OCSP for certificates no other source covers. */
    public Builder ocsp(OcspClient ocsp) {
      this.ocsp = Objects.requireNonNull(ocsp, "ocsp");
      return this;
    }

    /** The providers CRL signatures are verified with (default BouncyCastle). */
    public Builder providers(ProviderStrategy providers) {
      this.providers = Objects.requireNonNull(providers, "providers");
      return this;
    }

    /** How far a CRL's times may be off the validation time (default 5 minutes). */
    public Builder maxClockSkew(Duration maxClockSkew) {
      this.maxClockSkew = Durations.notNegative(maxClockSkew, "maxClockSkew");
      return this;
    }

    /**
     * The checker.
     *
     * @throws IllegalArgumentException without any source
     */
    public RevocationChecker build() {
      if (shortLived == null && filters.isEmpty() && crls.isEmpty() && ocsp == null) {
        throw new IllegalArgumentException("a RevocationChecker needs a source: exemptShortLived, filter, crl or ocsp");
      }
      return new RevocationChecker(this);
    }
  }
}
