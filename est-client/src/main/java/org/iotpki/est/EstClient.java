// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.cert.CsrBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentClient;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRejectedException;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.EnrollmentTransportException.Failure;
import org.iotpki.core.enroll.HttpRequest;
import org.iotpki.core.enroll.HttpResponse;
import org.iotpki.core.enroll.HttpTransport;
import org.iotpki.core.enroll.JdkHttpTransport;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.internal.Durations;
import org.iotpki.est.internal.EstBase64;
import org.iotpki.est.internal.EstResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An EST client (RFC 7030, updated by RFC 8951): CA certificates, enrollment with HTTP
 * authentication or a client certificate, re-enrollment authenticated by the certificate being
 * renewed, server-side key generation, and the CSR attributes the server asks for.
 *
 * <pre>{@code
 * EstClient est = EstClient.builder(URI.create("https://est.example.com"))
 *     .trustAnchors(List.of(estServerCa))
 *     .build();
 * EnrollmentOutcome outcome = RetryPolicy.defaults().enroll(est, EnrollmentRequest.builder()
 *     .subject("CN=gateway-0042")
 *     .generateKey(KeyAlgorithm.EC_P256)
 *     .httpCredentials("factory", password)
 *     .build());
 * }</pre>
 *
 * <p>Before each enrollment the client asks {@code /csrattrs} (unless told not to) and applies
 * what the server asks for: the key type for keys it generates, the signature algorithm, the
 * extensions with values, and a challengePassword (which the request must then carry). Instances
 * are immutable and thread-safe.
 */
public final class EstClient implements EnrollmentClient {
  /** The protocol name in {@link PendingEnrollment#protocol()}. */
  public static final String PROTOCOL = "est";

  private static final Logger LOG = LoggerFactory.getLogger(EstClient.class);
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
  private static final int MAX_DETAIL_CHARS = 512;

  private final URI base;
  private final HttpTransport transport;
  private final Duration timeout;
  private final boolean applyCsrAttributes;
  private final Credential enrollmentCredential;
  private final Clock clock;

  private EstClient(Builder builder, HttpTransport transport) {
    this.base = builder.base;
    this.transport = transport;
    this.timeout = builder.timeout;
    this.applyCsrAttributes = builder.applyCsrAttributes;
    this.enrollmentCredential = builder.enrollmentCredential;
    this.clock = builder.clock;
  }

  /**
   * A builder for the server at {@code server}: its origin ({@code https://host:port}), to which
   * {@code /.well-known/est/} is added, or the full URI of its EST directory (a path ending in
   * {@code /.well-known/est} or {@code /.well-known/est/LABEL}).
   */
  public static Builder builder(URI server) {
    return new Builder(server);
  }

  /**
   * The EST directory a pending enrollment was made with, to build the client that resumes it.
   *
   * @throws IllegalArgumentException if {@code pending} is not an EST enrollment
   */
  public static URI serverOf(PendingEnrollment pending) {
    pending.requireProtocol(PROTOCOL);
    return pending.server();
  }

  /** Whether a pending EST enrollment is a renewal, which is polled with the credential it renews. */
  public static boolean isRenewal(PendingEnrollment pending) {
    serverOf(pending);
    return Boolean.parseBoolean(pending.require("renewal"));
  }

  /** The EST directory this client talks to, label included, ending in '/'. */
  public URI baseUri() {
    return base;
  }

  @Override
  public List<X509Certificate> caCertificates() throws EnrollmentTransportException,
      EnrollmentRejectedException {
    HttpResponse response = transport.send(HttpRequest.get(uri("cacerts"), Map.of(), timeout));
    if (response.status() != 200) {
      throw new EnrollmentRejectedException(rejected(response));
    }
    List<X509Certificate> certificates = EstResponses.certificates(response, uri("cacerts"));
    if (certificates.isEmpty()) {
      throw new EnrollmentTransportException(
          Failure.MALFORMED_RESPONSE, true, "/cacerts returned no certificate", null);
    }
    return certificates;
  }

  /**
   * The attributes the server wants in requests; {@link CsrAttributes#none()} when it has none
   * (HTTP 204 or 404).
   *
   * @throws EnrollmentRejectedException if the server refuses otherwise (401, 403, 5xx)
   */
  public CsrAttributes csrAttributes() throws EnrollmentTransportException,
      EnrollmentRejectedException {
    return csrAttributes(Optional.empty());
  }

  @Override
  public EnrollmentOutcome enroll(EnrollmentRequest request) throws EnrollmentTransportException {
    return request(request, Optional.ofNullable(enrollmentCredential), false);
  }

  @Override
  public EnrollmentOutcome renew(Credential current, EnrollmentRequest request)
      throws EnrollmentTransportException {
    Objects.requireNonNull(current, "current");
    if (!request.subject().equals(current.certificate().getSubjectX500Principal())) {
      // RFC 7030 section 4.2.2: the subject (and subjectAltName) stay those of the current one.
      throw new IllegalArgumentException(
          "an EST re-enrollment keeps the subject of the current certificate ("
              + current.certificate().getSubjectX500Principal().getName() + "), not "
              + request.subject().getName());
    }
    return request(request, Optional.of(current), true);
  }

  @Override
  public EnrollmentOutcome poll(PendingEnrollment pending) throws EnrollmentTransportException {
    EstPending state = EstPending.of(pending, base);
    if (state.renewal()) {
      throw new IllegalArgumentException(
          "a pending EST re-enrollment is polled with the credential it renews:"
              + " poll(pending, current)");
    }
    return send(state, Optional.ofNullable(enrollmentCredential));
  }

  @Override
  public EnrollmentOutcome poll(PendingEnrollment pending, Credential current)
      throws EnrollmentTransportException {
    Objects.requireNonNull(current, "current");
    return send(EstPending.of(pending, base), Optional.of(current));
  }

  private EnrollmentOutcome request(
      EnrollmentRequest request, Optional<Credential> tlsCredential, boolean renewal)
      throws EnrollmentTransportException {
    CsrAttributes attributes = applyCsrAttributes ? serverAttributes(tlsCredential) : null;
    EnrollmentKey key = request.key();
    KeyAlgorithm generatedType = null;
    Signer signer;
    PrivateKey generatedKey = null;
    if (key instanceof EnrollmentKey.Existing existing) {
      signer = existing.signer();
    } else {
      KeyAlgorithm requested = key instanceof EnrollmentKey.Generate generate
          ? generate.algorithm() : ((EnrollmentKey.ServerGenerated) key).algorithm();
      generatedType = attributes == null ? requested : attributes.keyAlgorithm().orElse(requested);
      if (generatedType != requested) {
        LOG.info("EST server asks for {} keys; generating one instead of {}", generatedType,
            requested);
      }
      KeyPair keyPair = KeyPairs.generate(generatedType);
      signer = signer(keyPair, attributes);
      if (key instanceof EnrollmentKey.Generate) {
        generatedKey = keyPair.getPrivate();
      }
    }
    CertificationRequest csr = sign(csrBuilder(request, attributes), signer);
    String operation = key instanceof EnrollmentKey.ServerGenerated
        ? "serverkeygen" : renewal ? "simplereenroll" : "simpleenroll";
    return send(
        new EstPending(operation, csr.encoded(), renewal, request.username(), request.password(),
            Optional.ofNullable(generatedKey)),
        tlsCredential);
  }

  private EnrollmentOutcome send(EstPending state, Optional<Credential> tlsCredential)
      throws EnrollmentTransportException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/pkcs10");
    headers.put("Content-Transfer-Encoding", "base64");
    state.basicAuthorization().ifPresent(value -> headers.put("Authorization", value));
    URI uri = uri(state.operation());
    HttpRequest httpRequest =
        HttpRequest.post(uri, headers, EstBase64.encode(state.csr()), timeout);
    if (tlsCredential.isPresent()) {
      httpRequest = httpRequest.withClientCredential(tlsCredential.get());
    }
    HttpResponse response;
    try {
      response = transport.send(httpRequest);
    } catch (EnrollmentTransportException e) {
      // Sending the same request again is how EST polls (RFC 7030 section 4.2.3): always safe.
      throw e.withRetrySafe(true);
    }
    Instant now = clock.instant();
    switch (response.status()) {
      case 200:
        return issued(state, response, uri);
      case 202:
        Duration wait = response.retryAfter(now).orElse(DEFAULT_RETRY_AFTER);
        return new EnrollmentOutcome.Pending(
            new PendingEnrollment(PROTOCOL, state.transactionId(), now.plus(wait),
                state.toMap(base)));
      case 503:
        throw new EnrollmentTransportException(
            Failure.UNAVAILABLE, true, response.retryAfter(now).orElse(null),
            uri + " answered 503: " + detail(response), null);
      default:
        return rejected(response);
    }
  }

  private EnrollmentOutcome issued(EstPending state, HttpResponse response, URI uri)
      throws EnrollmentTransportException {
    CertificationRequest csr = decodeOwn(state.csr());
    if (state.operation().equals("serverkeygen")) {
      EstResponses.ServerKey serverKey = EstResponses.serverKey(response, uri);
      List<X509Certificate> chain =
          EstResponses.leafFirst(serverKey.certificates(), serverKey.publicKey(), uri);
      return new EnrollmentOutcome.Issued(chain, Optional.of(serverKey.privateKey()));
    }
    List<X509Certificate> chain =
        EstResponses.leafFirst(EstResponses.certificates(response, uri), csr.publicKey(), uri);
    return new EnrollmentOutcome.Issued(chain, state.generatedKey());
  }

  private CsrAttributes serverAttributes(Optional<Credential> tlsCredential)
      throws EnrollmentTransportException {
    try {
      return csrAttributes(tlsCredential);
    } catch (EnrollmentRejectedException e) {
      // RFC 7030 section 4.5: the attributes are a hint; enrollment may still succeed without.
      LOG.warn("EST server refused /csrattrs ({}); enrolling without its attributes",
          e.rejection());
      return CsrAttributes.none();
    }
  }

  private CsrAttributes csrAttributes(Optional<Credential> tlsCredential)
      throws EnrollmentTransportException, EnrollmentRejectedException {
    HttpRequest request = HttpRequest.get(uri("csrattrs"), Map.of(), timeout);
    if (tlsCredential.isPresent()) {
      request = request.withClientCredential(tlsCredential.get());
    }
    HttpResponse response = transport.send(request);
    if (response.status() == 204 || response.status() == 404) {
      return CsrAttributes.none();
    }
    if (response.status() != 200) {
      throw new EnrollmentRejectedException(rejected(response));
    }
    return EstResponses.csrAttributes(response, uri("csrattrs"));
  }

  private static CsrBuilder csrBuilder(EnrollmentRequest request, CsrAttributes attributes) {
    CsrBuilder builder = request.csrBuilder();
    if (attributes == null) {
      return builder;
    }
    if (attributes.challengePasswordRequested() && request.challengePassword().isEmpty()) {
      throw new IllegalArgumentException(
          "the EST server asks for a challengePassword in the request (/csrattrs); set"
              + " EnrollmentRequest.Builder.challengePassword");
    }
    List<String> present = new ArrayList<>();
    request.extensions().forEach(extension -> present.add(extension.oid()));
    for (CertificateExtension extension : attributes.requestedExtensions()) {
      if (!present.contains(extension.oid())) {
        builder.extension(extension);
      }
    }
    if (!attributes.extensionTypesRequested().isEmpty()) {
      LOG.info("EST server names extensions {} without values; the request cannot fill them",
          attributes.extensionTypesRequested());
    }
    return builder;
  }

  private static Signer signer(KeyPair keyPair, CsrAttributes attributes) {
    if (attributes != null) {
      var wanted = attributes.signatureAlgorithm();
      if (wanted.isPresent() && wanted.get().isCompatibleWith(keyPair.getPublic())) {
        return Signer.of(keyPair, wanted.get());
      }
    }
    return Signer.of(keyPair);
  }

  private static CertificationRequest sign(CsrBuilder builder, Signer signer)
      throws EnrollmentTransportException {
    try {
      return builder.sign(signer);
    } catch (GeneralSecurityException e) {
      throw new EnrollmentTransportException(
          Failure.SIGNER, true, "the key failed to sign the request: " + e.getMessage(), e);
    }
  }

  private static CertificationRequest decodeOwn(byte[] csr) {
    try {
      return CertificationRequest.decode(csr);
    } catch (PkiParseException e) {
      throw new IllegalArgumentException("the pending enrollment holds a malformed request", e);
    }
  }

  private URI uri(String operation) {
    return base.resolve(operation);
  }

  private static EnrollmentOutcome.Rejected rejected(HttpResponse response) {
    return new EnrollmentOutcome.Rejected(Integer.toString(response.status()), detail(response));
  }

  private static String detail(HttpResponse response) {
    String text = new String(response.body(), StandardCharsets.UTF_8);
    text = text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "?").strip();
    return text.length() > MAX_DETAIL_CHARS ? text.substring(0, MAX_DETAIL_CHARS) + "..." : text;
  }

  @Override
  public String toString() {
    return "EstClient[" + base + "]";
  }

  /** Configures an {@link EstClient}. */
  public static final class Builder {
    private URI base;
    private HttpTransport transport;
    private List<X509Certificate> trustAnchors;
    private Duration timeout = Duration.ofSeconds(30);
    private boolean applyCsrAttributes = true;
    private Credential enrollmentCredential;
    private Clock clock = Clock.systemUTC();

    private Builder(URI server) {
      Objects.requireNonNull(server, "server");
      if (!"https".equals(server.getScheme()) || server.getHost() == null) {
        throw new IllegalArgumentException("EST runs over https only (RFC 7030): " + server);
      }
      if (server.getQuery() != null || server.getFragment() != null) {
        throw new IllegalArgumentException("an EST URI has no query or fragment: " + server);
      }
      String path = server.getPath() == null ? "" : server.getPath();
      if (path.isEmpty() || path.equals("/")) {
        path = "/.well-known/est/";
      } else if (!path.matches("(.*/)?\\.well-known/est(/[^/]+)?/?")) {
        throw new IllegalArgumentException(
            "not an EST directory (…/.well-known/est[/label]): " + server);
      }
      this.base = server.resolve(path.endsWith("/") ? path : path + "/");
    }

    /**
     * Talks to the CA's label ("arbitrary label", RFC 7030 section 3.2.2):
     * {@code /.well-known/est/LABEL/}.
     */
    public Builder label(String label) {
      Objects.requireNonNull(label, "label");
      if (!LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException("an EST label is 1 to 64 URL-safe characters: " + label);
      }
      if (!base.getPath().endsWith("/.well-known/est/")) {
        throw new IllegalArgumentException("the URI already names a label: " + base);
      }
      this.base = base.resolve(label + "/");
      return this;
    }

    /** Trusts only these certificates for the server's TLS certificate (explicit TA database). */
    public Builder trustAnchors(List<X509Certificate> anchors) {
      this.trustAnchors = List.copyOf(anchors);
      return this;
    }

    /** Sends requests with this transport instead of a {@link JdkHttpTransport}. */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** How long each exchange may take (default 30 seconds). */
    public Builder timeout(Duration timeout) {
      this.timeout = Durations.positive(timeout, "timeout");
      return this;
    }

    /**
     * Authenticates first enrollments with this certificate over TLS (an IDevID or manufacturer
     * certificate, RFC 7030 section 3.3.2) in addition to any HTTP credentials.
     */
    public Builder enrollmentCredential(Credential credential) {
      this.enrollmentCredential = Objects.requireNonNull(credential, "credential");
      return this;
    }

    /** Does not ask {@code /csrattrs} before enrolling: the named opt-out. */
    public Builder ignoreCsrAttributes() {
      this.applyCsrAttributes = false;
      return this;
    }

    /** The clock Retry-After times are computed with. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalArgumentException without trust anchors or a transport
     */
    public EstClient build() {
      if (transport == null && trustAnchors == null) {
        throw new IllegalArgumentException(
            "an EST client needs trustAnchors(...) for the server, or its own transport(...)");
      }
      if (transport != null && trustAnchors != null) {
        throw new IllegalArgumentException(
            "trustAnchors(...) configures the default transport; configure trust in your own");
      }
      HttpTransport chosen =
          transport != null ? transport : JdkHttpTransport.builder().trustAnchors(trustAnchors).build();
      return new EstClient(this, chosen);
    }
  }

  /** What an EST request needs to be sent again: the operation, the CSR and its secrets. */
  private record EstPending(
      String operation,
      byte[] csr,
      boolean renewal,
      Optional<String> username,
      Optional<char[]> password,
      Optional<PrivateKey> generatedKey) {

    Optional<String> basicAuthorization() {
      if (username.isEmpty() || password.isEmpty()) {
        return Optional.empty();
      }
      byte[] pair = (username.get() + ":" + new String(password.get()))
          .getBytes(StandardCharsets.UTF_8);
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
    }

    String transactionId() {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(csr);
        return HexFormat.of().formatHex(digest, 0, 16);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK has no SHA-256", e);
      }
    }

    Map<String, String> toMap(URI base) {
      Map<String, String> map = new LinkedHashMap<>();
      Base64.Encoder b64 = Base64.getEncoder();
      map.put(PendingEnrollment.SERVER, base.toString());
      map.put("operation", operation);
      map.put("csr", b64.encodeToString(csr));
      map.put("renewal", Boolean.toString(renewal));
      username.ifPresent(u -> map.put("username", b64.encodeToString(
          u.getBytes(StandardCharsets.UTF_8))));
      password.ifPresent(p -> map.put("password", b64.encodeToString(
          new String(p).getBytes(StandardCharsets.UTF_8))));
      generatedKey.ifPresent(k -> map.put("generated-key", b64.encodeToString(k.getEncoded())));
      return map;
    }

    static EstPending of(PendingEnrollment pending, URI base) {
      pending.requireMadeBy(PROTOCOL, base);
      Base64.Decoder b64 = Base64.getDecoder();
      try {
        String operation = pending.require("operation");
        if (!List.of("simpleenroll", "simplereenroll", "serverkeygen").contains(operation)) {
          throw new IllegalArgumentException("unknown EST operation " + operation);
        }
        Map<String, String> state = pending.state();
        Optional<PrivateKey> key = Optional.empty();
        if (state.containsKey("generated-key")) {
          key = Optional.of(org.iotpki.core.io.PkiReader.defaults()
              .readPrivateKey(b64.decode(state.get("generated-key"))));
        }
        return new EstPending(
            operation,
            b64.decode(pending.require("csr")),
            Boolean.parseBoolean(pending.require("renewal")),
            Optional.ofNullable(state.get("username"))
                .map(u -> new String(b64.decode(u), StandardCharsets.UTF_8)),
            Optional.ofNullable(state.get("password"))
                .map(p -> new String(b64.decode(p), StandardCharsets.UTF_8).toCharArray()),
            key);
      } catch (PkiParseException e) {
        throw new IllegalArgumentException("the pending EST enrollment holds a bad key", e);
      }
    }
  }
}
