// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.acme;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.security.auth.x500.X500Principal;
import org.iotpki.acme.internal.AcmeFailures;
import org.iotpki.acme.internal.TrustingAcmeProvider;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentClient;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRejectedException;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.EnrollmentTransportException.Failure;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.enroll.Sleeper;
import org.iotpki.core.internal.Durations;
import org.iotpki.core.internal.TlsTrust;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.lifecycle.RenewalInfoSource;
import org.iotpki.core.lifecycle.RenewalWindow;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.OrderBuilder;
import org.shredzone.acme4j.RenewalInfo;
import org.shredzone.acme4j.RevocationReason;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.connector.Resource;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeProtocolException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.toolbox.JSON;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ACME client (RFC 8555) behind iotpki's enrollment interface: the account (found or created
 * with its key, with external account binding where the CA requires it), an order for the
 * request's DNS names and IP addresses, the challenges answered by the {@link
 * ChallengeResponder}s, finalization with a request signed by the certificate's key, and the
 * certificate with the chain the caller prefers. Also revocation, account key rollover and
 * deactivation, and the CA's suggested renewal window (ACME Renewal Information, RFC 9773).
 *
 * <pre>{@code
 * try (Http01Responder http01 = Http01Responder.start(new InetSocketAddress(80))) {
 *   AcmeEnrollmentClient acme = AcmeEnrollmentClient.builder(URI.create("https://ca.example/dir"))
 *       .accountKey(AcmeAccountKey.loadOrCreate(Path.of("account.pem")))
 *       .agreeToTermsOfService()
 *       .responder(http01)
 *       .build();
 *   EnrollmentOutcome outcome = acme.enroll(EnrollmentRequest.builder()
 *       .subject("CN=gateway-0042.example")
 *       .subjectAltNames(GeneralName.dns("gateway-0042.example"))
 *       .generateKey(KeyAlgorithm.EC_P256)
 *       .build());
 * }
 * }</pre>
 *
 * <p>The CA authorizes by the account, not by a credential: a renewal is a new order (marked as
 * replacing the current certificate where the CA offers renewal information). An order still
 * processing when the timeout ends is {@link EnrollmentOutcome.Pending}, resumable with the
 * order's URL. Refusals carry the ACME problem type (e.g. {@code
 * urn:ietf:params:acme:error:unauthorized}); {@code badNonce} answers are retried by acme4j
 * without the caller seeing them. Instances are thread-safe.
 */
public final class AcmeEnrollmentClient implements EnrollmentClient, RenewalInfoSource {
  /** The protocol name in {@link PendingEnrollment#protocol()}. */
  public static final String PROTOCOL = "acme";

  private static final Logger LOG = LoggerFactory.getLogger(AcmeEnrollmentClient.class);
  private static final String ORDER = "order";
  private static final String CSR = "csr";
  private static final String KEY = "key";
  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  private final URI directory;
  private final Session session;
  private final String eabKeyId;
  private final byte[] eabHmacKey;
  private final boolean termsOfServiceAgreed;
  private final List<ChallengeResponder> responders;
  private final Duration timeout;
  private final X500Principal preferredRoot;
  private final Clock clock;
  private final Sleeper sleeper;
  private KeyPair accountKey; // guarded by this
  private Login login; // guarded by this

  private AcmeEnrollmentClient(Builder builder) {
    this.directory = builder.directory;
    this.session = new Session(directory, new TrustingAcmeProvider(tls(builder.trustManagers)));
    session.networkSettings().setTimeout(builder.timeout);
    this.eabKeyId = builder.eabKeyId;
    this.eabHmacKey = builder.eabHmacKey;
    this.termsOfServiceAgreed = builder.termsOfServiceAgreed;
    this.responders = List.copyOf(builder.responders);
    this.timeout = builder.timeout;
    this.preferredRoot = builder.preferredRoot;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.accountKey = builder.accountKey;
  }

  /** A builder for the CA whose ACME directory is at {@code directory} (https). */
  public static Builder builder(URI directory) {
    return new Builder(directory);
  }

  /** The ACME directory this client talks to. */
  public URI directory() {
    return directory;
  }

  /**
   * ACME distributes no CA certificates apart from the chain of each certificate it issues.
   *
   * @throws EnrollmentRejectedException always, with the code {@code not-offered}
   */
  @Override
  public List<X509Certificate> caCertificates() throws EnrollmentRejectedException {
    throw new EnrollmentRejectedException(new EnrollmentOutcome.Rejected("not-offered",
        "ACME (RFC 8555) distributes no CA certificates; each certificate comes with its chain"));
  }

  @Override
  public EnrollmentOutcome enroll(EnrollmentRequest request) throws EnrollmentTransportException {
    return order(request, Optional.empty());
  }

  /**
   * A new order for the request's names, as for {@link #enroll}: ACME authorizes a renewal by the
   * account, not by {@code current}. Where the CA offers renewal information, the order says it
   * replaces {@code current} (RFC 9773 section 5).
   */
  @Override
  public EnrollmentOutcome renew(Credential current, EnrollmentRequest request)
      throws EnrollmentTransportException {
    Objects.requireNonNull(current, "current");
    return order(request, Optional.of(current.certificate()));
  }

  @Override
  public EnrollmentOutcome poll(PendingEnrollment pending) throws EnrollmentTransportException {
    pending.requireMadeBy(PROTOCOL, directory);
    URL orderUrl = url(pending.require(ORDER));
    byte[] csr = Base64.getDecoder().decode(pending.require(CSR));
    Optional<PrivateKey> generatedKey = Optional.ofNullable(pending.state().get(KEY))
        .map(AcmeEnrollmentClient::decodeKey);
    return outcome(() -> {
      Order order = login().bindOrder(orderUrl);
      order.fetch();
      return advance(order, csr, generatedKey);
    });
  }

  /** As {@link #poll(PendingEnrollment)}: ACME authorizes by the account. */
  @Override
  public EnrollmentOutcome poll(PendingEnrollment pending, Credential current)
      throws EnrollmentTransportException {
    Objects.requireNonNull(current, "current");
    return poll(pending);
  }

  /**
   * The CA's suggested renewal window for {@code certificate} (RFC 9773), or empty where the CA
   * offers no renewal information or has none for it.
   */
  @Override
  public Optional<RenewalWindow> suggestedWindow(X509Certificate certificate)
      throws EnrollmentTransportException {
    try {
      return call(() -> {
        if (!offersRenewalInfo()) {
          return Optional.empty();
        }
        RenewalInfo info = login().bindRenewalInfo(certificate);
        info.fetch();
        return Optional.of(
            new RenewalWindow(info.getSuggestedWindowStart(), info.getSuggestedWindowEnd()));
      });
    } catch (EnrollmentRejectedException e) {
      LOG.info("the ACME server has no renewal information for serial {}: {}",
          certificate.getSerialNumber().toString(16), e.rejection());
      return Optional.empty();
    }
  }

  /**
   * Revokes {@code certificate}, authorized by the account that ordered it (or that holds
   * authorizations for all its names).
   *
   * @param reason the CRL reason code (RFC 5280 section 5.3.1), 0 for unspecified
   * @throws EnrollmentRejectedException if the CA refuses, with the ACME problem type
   */
  public void revoke(X509Certificate certificate, int reason)
      throws EnrollmentTransportException, EnrollmentRejectedException {
    RevocationReason acmeReason = reason(reason);
    call(() -> {
      Certificate.revoke(login(), certificate, acmeReason);
      return null;
    });
  }

  /**
   * Revokes {@code certificate}, authorized by its own key instead of an account (RFC 8555
   * section 7.6): for a certificate whose account is lost, or a key known to be compromised.
   *
   * @param certificateKey the key pair of the certificate
   * @param reason the CRL reason code (RFC 5280 section 5.3.1), 0 for unspecified
   * @throws EnrollmentRejectedException if the CA refuses, with the ACME problem type
   */
  public void revokeWithCertificateKey(X509Certificate certificate, KeyPair certificateKey,
      int reason) throws EnrollmentTransportException, EnrollmentRejectedException {
    RevocationReason acmeReason = reason(reason);
    call(() -> {
      Certificate.revoke(session, certificateKey, certificate, acmeReason);
      return null;
    });
  }

  /**
   * Replaces the account's key with {@code newKey} (RFC 8555 section 7.3.5); this client uses the
   * new key from then on. Store {@code newKey} where the old one was (e.g. {@link
   * AcmeAccountKey#store}) before discarding the old one.
   *
   * @throws EnrollmentRejectedException if the CA refuses (e.g. the key belongs to another account)
   */
  public synchronized void rollAccountKey(KeyPair newKey)
      throws EnrollmentTransportException, EnrollmentRejectedException {
    Objects.requireNonNull(newKey, "newKey");
    call(() -> {
      login().getAccount().changeKey(newKey);
      return null;
    });
    accountKey = newKey;
    login = null;
  }

  /**
   * Deactivates the account for good (RFC 8555 section 7.3.6): the CA accepts nothing more signed
   * with its key.
   *
   * @throws EnrollmentRejectedException if the CA refuses
   */
  public void deactivateAccount() throws EnrollmentTransportException, EnrollmentRejectedException {
    call(() -> {
      login().getAccount().deactivate();
      return null;
    });
  }

  /**
   * The URL of the account of this client's key, registering it first if the CA does not know it.
   *
   * @throws EnrollmentRejectedException if the CA refuses the account (e.g. a wrong external
   *     account binding: {@code urn:ietf:params:acme:error:unauthorized})
   */
  public URI account() throws EnrollmentTransportException, EnrollmentRejectedException {
    return call(() -> toUri(login().getAccountLocation()));
  }

  private EnrollmentOutcome order(EnrollmentRequest request, Optional<X509Certificate> replaced)
      throws EnrollmentTransportException {
    if (responders.isEmpty()) {
      throw new IllegalStateException("this ACME client answers no challenges: build it with"
          + " responder(...), e.g. an Http01Responder");
    }
    List<Identifier> identifiers = identifiers(request);
    Signer signer;
    Optional<PrivateKey> generatedKey;
    if (request.key() instanceof EnrollmentKey.Existing existing) {
      signer = existing.signer();
      generatedKey = Optional.empty();
    } else if (request.key() instanceof EnrollmentKey.Generate generate) {
      KeyPair keyPair = KeyPairs.generate(generate.algorithm());
      signer = Signer.of(keyPair);
      generatedKey = Optional.of(keyPair.getPrivate());
    } else {
      throw new IllegalArgumentException(
          "ACME has no server-side key generation; generate the key here or bring one");
    }
    byte[] csr = sign(request, signer);
    return outcome(() -> {
      OrderBuilder builder = login().newOrder().identifiers(identifiers);
      if (replaced.isPresent() && offersRenewalInfo()) {
        builder.replaces(replaced.get());
      }
      return advance(builder.create(), csr, generatedKey);
    });
  }

  /** Takes the order as far as it goes within the timeout: validated, finalized, downloaded. */
  private EnrollmentOutcome advance(Order order, byte[] csr, Optional<PrivateKey> generatedKey)
      throws AcmeException, InterruptedException, EnrollmentTransportException {
    Instant deadline = clock.instant().plus(timeout);
    if (order.getStatus() == Status.PENDING) {
      for (Authorization authorization : order.getAuthorizations()) {
        if (authorization.getStatus() == Status.PENDING) {
          Optional<EnrollmentOutcome.Rejected> refused = authorize(authorization, deadline);
          if (refused.isPresent()) {
            return refused.get();
          }
        }
      }
      order.fetch();
    }
    if (order.getStatus() == Status.READY) {
      order.execute(csr);
    }
    Optional<Instant> retryAfter = Optional.empty();
    while (order.getStatus() == Status.PROCESSING && clock.instant().isBefore(deadline)) {
      sleeper.sleep(POLL_INTERVAL);
      retryAfter = order.fetch();
    }
    switch (order.getStatus()) {
      case VALID:
        return issued(order.getCertificate(), csr, generatedKey);
      case INVALID:
        return order.getError().map(AcmeFailures::rejected).orElse(
            new EnrollmentOutcome.Rejected("invalid", "the ACME server gave up on the order"));
      default:
        Instant retryAt = retryAfter.orElse(clock.instant().plus(DEFAULT_RETRY_AFTER));
        LOG.info("ACME order {} is {}; asking again at {}", order.getLocation(),
            order.getStatus(), retryAt);
        return new EnrollmentOutcome.Pending(new PendingEnrollment(PROTOCOL,
            order.getLocation().toString(), retryAt, state(order, csr, generatedKey)));
    }
  }

  /** Answers one authorization's challenge; a refusal if the CA found the answer wrong. */
  private Optional<EnrollmentOutcome.Rejected> authorize(Authorization authorization,
      Instant deadline) throws AcmeException, InterruptedException, EnrollmentTransportException {
    String identifier = authorization.getIdentifier().getValue();
    for (ChallengeResponder responder : responders) {
      Optional<Challenge> offered = authorization.findChallenge(responder.type());
      if (offered.isPresent()) {
        Challenge challenge = offered.get();
        AcmeChallenge ours = new AcmeChallenge(responder.type(), identifier, token(challenge),
            response(challenge));
        publish(responder, ours, true);
        try {
          if (challenge.getStatus() == Status.PENDING) {
            challenge.trigger();
          }
          while (challenge.getStatus() != Status.VALID && challenge.getStatus() != Status.INVALID
              && clock.instant().isBefore(deadline)) {
            sleeper.sleep(POLL_INTERVAL);
            challenge.fetch();
          }
        } finally {
          publish(responder, ours, false);
        }
        if (challenge.getStatus() == Status.INVALID) {
          return Optional.of(challenge.getError().map(AcmeFailures::rejected).orElse(
              new EnrollmentOutcome.Rejected("invalid", responder.type() + " for " + identifier
                  + " failed")));
        }
        return Optional.empty();
      }
    }
    List<String> types = new ArrayList<>();
    authorization.getChallenges().forEach(challenge -> types.add(challenge.getType()));
    return Optional.of(new EnrollmentOutcome.Rejected("no-common-challenge", "the CA offers "
        + types + " for " + identifier + "; this client answers "
        + responders.stream().map(ChallengeResponder::type).toList()));
  }

  private static void publish(ChallengeResponder responder, AcmeChallenge challenge,
      boolean deploy) throws EnrollmentTransportException {
    try {
      if (deploy) {
        responder.deploy(challenge);
      } else {
        responder.remove(challenge);
      }
    } catch (IOException e) {
      throw new EnrollmentTransportException(Failure.CONNECT, true, "the " + challenge.type()
          + " responder failed for " + challenge.identifier() + ": " + e.getMessage(), e);
    }
  }

  private EnrollmentOutcome issued(Certificate certificate, byte[] csr,
      Optional<PrivateKey> generatedKey) throws AcmeException, EnrollmentTransportException {
    certificate.download();
    List<X509Certificate> chain = certificate.getCertificateChain();
    if (preferredRoot != null && !issuedUnder(chain, preferredRoot)) {
      for (Certificate alternate : certificate.getAlternateCertificates()) {
        if (issuedUnder(alternate.getCertificateChain(), preferredRoot)) {
          chain = alternate.getCertificateChain();
          break;
        }
      }
    }
    if (chain.isEmpty() || !chain.get(0).getPublicKey().equals(decodeOwn(csr).publicKey())) {
      throw new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, false,
          "the ACME server returned a certificate for another key", null);
    }
    return new EnrollmentOutcome.Issued(chain, generatedKey);
  }

  private static boolean issuedUnder(List<X509Certificate> chain, X500Principal root) {
    return !chain.isEmpty() && chain.get(chain.size() - 1).getIssuerX500Principal().equals(root);
  }

  private boolean offersRenewalInfo() throws AcmeException {
    return session.resourceUrlOptional(Resource.RENEWAL_INFO).isPresent();
  }

  private synchronized Login login() throws AcmeException {
    if (login == null) {
      AccountBuilder account = new AccountBuilder().useKeyPair(accountKey);
      if (termsOfServiceAgreed) {
        account.agreeToTermsOfService();
      }
      if (eabKeyId != null) {
        account.withKeyIdentifier(eabKeyId,
            Base64.getUrlEncoder().withoutPadding().encodeToString(eabHmacKey));
      }
      login = account.createLogin(session);
      LOG.info("ACME account {} at {}", login.getAccountLocation(), directory);
    }
    return login;
  }

  private Map<String, String> state(Order order, byte[] csr, Optional<PrivateKey> generatedKey) {
    Map<String, String> state = new LinkedHashMap<>();
    state.put(PendingEnrollment.SERVER, directory.toString());
    state.put(ORDER, order.getLocation().toString());
    state.put(CSR, Base64.getEncoder().encodeToString(csr));
    generatedKey.ifPresent(
        key -> state.put(KEY, Base64.getEncoder().encodeToString(key.getEncoded())));
    return state;
  }

  private static PrivateKey decodeKey(String base64) {
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return PkiReader.defaults().readPrivateKey(der);
    } catch (PkiParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the pending ACME enrollment holds a malformed key", e);
    }
  }

  private static CertificationRequest decodeOwn(byte[] csr) {
    try {
      return CertificationRequest.decode(csr);
    } catch (PkiParseException e) {
      throw new IllegalArgumentException("the pending enrollment holds a malformed request", e);
    }
  }

  private static List<Identifier> identifiers(EnrollmentRequest request) {
    List<Identifier> identifiers = new ArrayList<>();
    for (GeneralName name : request.subjectAltNames()) {
      switch (name.type()) {
        case DNS -> identifiers.add(Identifier.dns(name.value()));
        case IP_ADDRESS -> identifiers.add(Identifier.ip(name.value()));
        default -> throw new IllegalArgumentException(
            "ACME orders DNS names and IP addresses only, not " + name);
      }
    }
    if (identifiers.isEmpty()) {
      throw new IllegalArgumentException(
          "an ACME order needs DNS or IP subjectAltNames in the request");
    }
    return identifiers;
  }

  private static byte[] sign(EnrollmentRequest request, Signer signer)
      throws EnrollmentTransportException {
    try {
      return request.csrBuilder().sign(signer).encoded();
    } catch (GeneralSecurityException e) {
      throw new EnrollmentTransportException(
          Failure.SIGNER, true, "the key failed to sign the request: " + e.getMessage(), e);
    }
  }

  private static String token(Challenge challenge) {
    if (challenge instanceof Http01Challenge http) {
      return http.getToken();
    }
    return challenge.getJSON().get("token").optional().map(JSON.Value::asString).orElse("");
  }

  private static String response(Challenge challenge) {
    if (challenge instanceof Http01Challenge http) {
      return http.getAuthorization();
    }
    if (challenge instanceof Dns01Challenge dns) {
      return dns.getDigest();
    }
    throw new IllegalStateException("no answer for challenge type " + challenge.getType());
  }

  private static RevocationReason reason(int code) {
    try {
      return RevocationReason.code(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a CRL reason code: " + code, e);
    }
  }

  private static URL url(String text) {
    try {
      return new URI(text).toURL();
    } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the pending ACME enrollment has no order URL", e);
    }
  }

  private static URI toUri(URL url) {
    try {
      return url.toURI();
    } catch (URISyntaxException e) {
      throw new AcmeProtocolException("not a URI: " + url, e);
    }
  }

  private static SSLContext tls(TrustManager[] trustManagers) {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trustManagers, null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no usable TLS", e);
    }
  }

  /** One exchange with the server, in acme4j's terms. */
  @FunctionalInterface
  private interface AcmeCall<T> {
    T run() throws AcmeException, InterruptedException, EnrollmentTransportException;
  }

  private EnrollmentOutcome outcome(AcmeCall<EnrollmentOutcome> exchange)
      throws EnrollmentTransportException {
    try {
      return call(exchange);
    } catch (EnrollmentRejectedException e) {
      return e.rejection();
    }
  }

  private <T> T call(AcmeCall<T> exchange)
      throws EnrollmentTransportException, EnrollmentRejectedException {
    try {
      return exchange.run();
    } catch (AcmeLazyLoadingException e) {
      throw failure((AcmeException) e.getCause());
    } catch (AcmeException e) {
      throw failure(e);
    } catch (AcmeProtocolException e) {
      throw AcmeFailures.malformed(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnrollmentTransportException(Failure.INTERRUPTED, true, "interrupted", e);
    }
  }

  /** acme4j's failure as ours: the server's problem as a refusal, anything else as transport. */
  private EnrollmentTransportException failure(AcmeException e)
      throws EnrollmentRejectedException {
    if (e instanceof AcmeServerException server) {
      throw new EnrollmentRejectedException(AcmeFailures.rejected(server.getProblem()));
    }
    return AcmeFailures.transport(e, clock.instant());
  }

  @Override
  public String toString() {
    return "AcmeEnrollmentClient[" + directory + "]";
  }

  /** Configures an {@link AcmeEnrollmentClient}. */
  public static final class Builder {
    private final URI directory;
    private TrustManager[] trustManagers;
    private KeyPair accountKey;
    private String eabKeyId;
    private byte[] eabHmacKey;
    private boolean termsOfServiceAgreed;
    private final List<ChallengeResponder> responders = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(30);
    private X500Principal preferredRoot;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    private Builder(URI directory) {
      Objects.requireNonNull(directory, "directory");
      if (!"https".equals(directory.getScheme()) || directory.getHost() == null) {
        throw new IllegalArgumentException("ACME runs over https only (RFC 8555): " + directory);
      }
      this.directory = directory;
    }

    /**
     * Trusts ACME servers whose TLS certificate chains to one of {@code anchors}, and no others.
     *
     * @throws IllegalArgumentException for an empty list
     */
    public Builder trustAnchors(List<X509Certificate> anchors) {
      this.trustManagers = TlsTrust.anchors(anchors);
      return this;
    }

    /** Trusts the JDK's default CA certificates: the named opt-out from explicit anchors. */
    public Builder trustSystemCertificates() {
      this.trustManagers = TlsTrust.system();
      return this;
    }

    /** The account key: the account is found (or registered) by it. Required. */
    public Builder accountKey(KeyPair accountKey) {
      this.accountKey = Objects.requireNonNull(accountKey, "accountKey");
      return this;
    }

    /**
     * Binds a new account to an account the CA already knows (RFC 8555 section 7.3.4), with the
     * key identifier and HMAC key the CA gave out of band.
     */
    public Builder externalAccountBinding(String keyId, byte[] hmacKey) {
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(hmacKey, "hmacKey");
      if (keyId.isEmpty() || hmacKey.length < 16) {
        throw new IllegalArgumentException(
            "an external account binding needs a key identifier and an HMAC key of 16+ bytes");
      }
      this.eabKeyId = keyId;
      this.eabHmacKey = hmacKey.clone();
      return this;
    }

    /** Agrees to the CA's terms of service when registering the account, as most CAs require. */
    public Builder agreeToTermsOfService() {
      this.termsOfServiceAgreed = true;
      return this;
    }

    /**
     * Answers challenges of the responder's type; responders added first are preferred. Orders
     * need one; revocation and renewal information do not.
     */
    public Builder responder(ChallengeResponder responder) {
      responders.add(Objects.requireNonNull(responder, "responder"));
      return this;
    }

    /**
     * How long one call may take, validation and issuance included (default 30 seconds); also
     * the timeout of each HTTP exchange. An order not done by then is pending.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Durations.positive(timeout, "timeout");
      return this;
    }

    /**
     * Takes the chain (the default or an alternate, RFC 8555 section 7.4.2) whose last
     * certificate {@code rootName} issued, where the CA offers one; the default chain otherwise.
     */
    public Builder preferredChain(X500Principal rootName) {
      this.preferredRoot = Objects.requireNonNull(rootName, "rootName");
      return this;
    }

    /** The clock for deadlines and retry times (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How the client waits between polls of a challenge or order. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalArgumentException without trust or an account key
     */
    public AcmeEnrollmentClient build() {
      if (trustManagers == null) {
        throw new IllegalArgumentException(
            "an ACME client needs TLS trust: trustAnchors(...) or trustSystemCertificates()");
      }
      if (accountKey == null) {
        throw new IllegalArgumentException("an ACME client needs accountKey(...)");
      }
      return new AcmeEnrollmentClient(this);
    }
  }
}
