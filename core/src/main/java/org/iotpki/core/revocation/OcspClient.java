// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.HttpRequest;
import org.iotpki.core.enroll.HttpResponse;
import org.iotpki.core.enroll.HttpTransport;
import org.iotpki.core.enroll.JdkHttpTransport;
import org.iotpki.core.internal.Durations;
import org.iotpki.core.validation.SignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks certificates with OCSP (RFC 6960): asks the responder the certificate names (or a
 * configured one) over HTTP POST with a nonce, verifies the answer, and caches it until its
 * nextUpdate. A response counts only if it is signed by the certificate's issuer or by a responder
 * certificate the issuer issued with id-kp-OCSPSigning, carries the request's nonce, names the
 * certificate, and is current within {@link Builder#maxClockSkew}. A response without nextUpdate
 * counts for an hour after its thisUpdate and is not cached. What happens when no response arrives
 * is the {@link OcspPolicy}.
 *
 * <pre>{@code
 * OcspClient ocsp = OcspClient.builder().policy(OcspPolicy.SOFT_FAIL).build();
 * RevocationResult result = ocsp.check(device, issuer);
 * }</pre>
 *
 * <p>A hub that receives stapled responses verifies them with {@link #verifyStapled}; a client
 * with {@link OcspPolicy#STAPLED_ONLY} never contacts a responder. Instances are thread-safe.
 */
public final class OcspClient {
  /** The default bound on how far the responder's clock may be from ours. */
  public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);
  /** The default time a request may take. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** The default number of cached answers. */
  public static final int DEFAULT_MAX_CACHED = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(OcspClient.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpTransport transport;
  private final Duration timeout;
  private final OcspPolicy policy;
  private final Clock clock;
  private final Optional<URI> responder;
  private final boolean sendNonce;
  private final OcspResponseVerifier verifier;
  private final OcspCache cache;

  private OcspClient(Builder builder) {
    this.transport = builder.transport != null
        ? builder.transport
        : JdkHttpTransport.builder().trustSystemCertificates().build();
    this.timeout = builder.timeout;
    this.policy = builder.policy;
    this.clock = builder.clock;
    this.responder = Optional.ofNullable(builder.responder);
    this.sendNonce = builder.sendNonce;
    this.verifier = new OcspResponseVerifier(SignatureVerifier.using(builder.providers), builder.maxClockSkew);
    this.cache = new OcspCache(builder.maxCached);
  }

  /** A builder with strict defaults: hard-fail, nonces, the JDK HTTP client. */
  public static Builder builder() {
    return new Builder();
  }

  /** The status of {@code certificate}, issued by {@code issuer}, at the clock's instant. */
  public RevocationResult check(X509Certificate certificate, X509Certificate issuer) {
    return check(certificate, issuer, clock.instant());
  }

  /**
   * The status of {@code certificate}, issued by {@code issuer}, with responses judged current at
   * {@code time}.
   */
  public RevocationResult check(X509Certificate certificate, X509Certificate issuer, Instant time) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(time, "time");
    OcspCertId id = OcspCertId.of(certificate, issuer);
    Optional<RevocationResult> cached = cache.get(id, time);
    if (cached.isPresent()) {
      return cached.get();
    }
    if (policy == OcspPolicy.STAPLED_ONLY) {
      return new RevocationResult.Unknown(RevocationSource.STAPLED_OCSP, RevocationFailure.NO_STAPLED_RESPONSE,
          "no stapled response for serial " + certificate.getSerialNumber().toString(16));
    }
    Optional<URI> uri;
    try {
      uri = responder.isPresent() ? responder : ResponderUrls.of(certificate);
    } catch (IllegalArgumentException malformed) {
      return new RevocationResult.Unknown(RevocationSource.OCSP, RevocationFailure.NO_RESPONDER_URL, malformed.getMessage());
    }
    if (uri.isEmpty()) {
      return new RevocationResult.Unknown(RevocationSource.OCSP, RevocationFailure.NO_RESPONDER_URL,
          "the certificate names no OCSP responder in its authorityInfoAccess");
    }
    return ask(uri.get(), id, certificate, issuer, time);
  }

  /**
   * Verifies a response the peer presented for {@code certificate} (TLS status_request, a hub's
   * device handshake) at the clock's instant, and caches it as a fetched one would be. Such a
   * response carries no nonce of ours: its freshness is all that stops a replay.
   */
  public RevocationResult verifyStapled(X509Certificate certificate, X509Certificate issuer, byte[] response) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(response, "response");
    return verified(response, Optional.empty(), OcspCertId.of(certificate, issuer), certificate, issuer,
        clock.instant(), RevocationSource.STAPLED_OCSP);
  }

  private RevocationResult ask(
      URI uri, OcspCertId id, X509Certificate certificate, X509Certificate issuer, Instant time) {
    Optional<byte[]> nonce = sendNonce ? Optional.of(OcspRequest.newNonce(RANDOM)) : Optional.empty();
    HttpRequest request = HttpRequest.post(uri,
        Map.of("content-type", "application/ocsp-request", "accept", "application/ocsp-response"),
        OcspRequest.encode(id, nonce), timeout);
    LOG.debug("OCSP request for serial {} to {}", certificate.getSerialNumber().toString(16), uri);
    HttpResponse response;
    try {
      response = transport.send(request);
    } catch (EnrollmentTransportException e) {
      return unreachable(uri + ": " + e.getMessage());
    }
    if (response.status() != 200) {
      return unreachable(uri + " answered HTTP " + response.status());
    }
    return verified(response.body(), nonce, id, certificate, issuer, time, RevocationSource.OCSP);
  }

  private RevocationResult verified(
      byte[] encoded,
      Optional<byte[]> nonce,
      OcspCertId id,
      X509Certificate certificate,
      X509Certificate issuer,
      Instant time,
      RevocationSource source) {
    RevocationResult result;
    try {
      result = verifier.verify(OcspResponseDecoder.decode(encoded), certificate, issuer, nonce, time, source);
    } catch (PkiParseException e) {
      return new RevocationResult.Unknown(source, RevocationFailure.MALFORMED_RESPONSE, e.getMessage());
    }
    if (result instanceof RevocationResult.Unknown
        && ((RevocationResult.Unknown) result).failure() == RevocationFailure.RESPONDER_UNREACHABLE) {
      return unreachable(((RevocationResult.Unknown) result).message());
    }
    cacheUntil(result, certificate).ifPresent(until -> cache.put(id, result, until));
    return result;
  }

  /**
   * Good answers hold until their nextUpdate; revocation is final (certificateHold aside), so it
   * holds until the certificate expires.
   */
  private static Optional<Instant> cacheUntil(RevocationResult result, X509Certificate certificate) {
    if (result instanceof RevocationResult.Good) {
      return ((RevocationResult.Good) result).validUntil();
    }
    if (result instanceof RevocationResult.Revoked
        && !((RevocationResult.Revoked) result).reason().equals(Optional.of(CRLReason.CERTIFICATE_HOLD))) {
      return Optional.of(certificate.getNotAfter().toInstant());
    }
    return Optional.empty();
  }

  private RevocationResult unreachable(String message) {
    LOG.debug("OCSP responder unreachable under {}: {}", policy, message);
    return policy == OcspPolicy.SOFT_FAIL
        ? new RevocationResult.SoftFailed(RevocationSource.OCSP, RevocationFailure.RESPONDER_UNREACHABLE, message)
        : new RevocationResult.Unknown(RevocationSource.OCSP, RevocationFailure.RESPONDER_UNREACHABLE, message);
  }

  @Override
  public String toString() {
    return "OcspClient[" + policy + responder.map(uri -> ", responder " + uri).orElse("")
        + (sendNonce ? "" : ", no nonce") + "]";
  }

  /** Configures an {@link OcspClient}. */
  public static final class Builder {
    private HttpTransport transport;
    private Duration timeout = DEFAULT_TIMEOUT;
    private OcspPolicy policy = OcspPolicy.HARD_FAIL;
    private Clock clock = Clock.systemUTC();
    private Duration maxClockSkew = DEFAULT_MAX_CLOCK_SKEW;
    private URI responder;
    private boolean sendNonce = true;
    private ProviderStrategy providers = ProviderStrategy.bouncyCastle();
    private int maxCached = DEFAULT_MAX_CACHED;

    private Builder() {}

    /**
     * The HTTP transport. Default: {@link JdkHttpTransport} trusting the system's CA certificates
     * (OCSP responses are signed, so TLS adds no trust of its own).
     */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** How long one request may take (default {@link #DEFAULT_TIMEOUT}). */
    public Builder timeout(Duration timeout) {
      this.timeout = Durations.positive(timeout, "timeout");
      return this;
    }

    /** What to do without a response (default {@link OcspPolicy#HARD_FAIL}). */
    public Builder policy(OcspPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock of {@link #check(X509Certificate, X509Certificate)} and stapled responses. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How far a response's times may be off ours (default {@link #DEFAULT_MAX_CLOCK_SKEW}). */
    public Builder maxClockSkew(Duration maxClockSkew) {
      this.maxClockSkew = Durations.notNegative(maxClockSkew, "maxClockSkew");
      return this;
    }

    /** Asks this responder for every certificate instead of the one its authorityInfoAccess names. */
    public Builder responder(URI responder) {
      Objects.requireNonNull(responder, "responder");
      if (!"http".equals(responder.getScheme()) && !"https".equals(responder.getScheme())) {
        throw new IllegalArgumentException("not an http(s) responder: " + responder);
      }
      this.responder = responder;
      return this;
    }

    /**
     * Sends no nonce, for responders that serve pre-produced responses (RFC 5019). What this gives
     * up: a replayed response is accepted as long as it is current.
     */
    public Builder omitNonce() {
      this.sendNonce = false;
      return this;
    }

    /** The providers response signatures are verified with (default BouncyCastle). */
    public Builder providers(ProviderStrategy providers) {
      this.providers = Objects.requireNonNull(providers, "providers");
      return this;
    }

    /** The most answers kept (default {@link #DEFAULT_MAX_CACHED}). */
    public Builder maxCached(int maxCached) {
      if (maxCached < 1) {
        throw new IllegalArgumentException("maxCached must be positive");
      }
      this.maxCached = maxCached;
      return this;
    }

    /** The client. */
    public OcspClient build() {
      return new OcspClient(this);
    }
  }
}
