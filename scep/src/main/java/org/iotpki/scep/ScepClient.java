// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
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
import javax.security.auth.x500.X500Principal;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.cert.Credential;
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
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.validation.SignatureVerifier;
import org.iotpki.scep.internal.CertRep;
import org.iotpki.scep.internal.MessageType;
import org.iotpki.scep.internal.PkiMessages;

/**
 * A SCEP client (RFC 8894) for day-zero provisioning: GetCACaps (asked once, then cached),
 * GetCACert, PKCSReq with a challenge password, RenewalReq signed with the current certificate,
 * and CertPoll for pending requests, behind iotpki's enrollment interface.
 *
 * <pre>{@code
 * ScepClient scep = ScepClient.builder(URI.create("http://ca.example/scep")).build();
 * EnrollmentOutcome outcome = scep.enroll(EnrollmentRequest.builder()
 *     .subject("CN=sensor-0042")
 *     .generateKey(KeyAlgorithm.RSA_2048)
 *     .challengePassword(otp)
 *     .build());
 * }</pre>
 *
 * <p>Messages are DER throughout (strict servers check the message digest over DER), encrypted
 * with AES where the server offers it (else triple DES) and sent by POST where it offers that.
 * Responses are checked strictly: signed by the CA or its RA, answering this transaction and
 * nonce. SCEP encrypts the issued certificate to the requester's key, so that key must be RSA
 * for servers that only do RSA key transport (most do). SCEP transports are plain HTTP: the
 * messages themselves are signed and encrypted.
 */
public final class ScepClient implements EnrollmentClient {
  /** The protocol name in {@link PendingEnrollment#protocol()}. */
  public static final String PROTOCOL = "scep";

  private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
  private static final Duration SIGNER_VALIDITY = Duration.ofDays(1);
  private static final int NONCE_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI uri;
  private final HttpTransport transport;
  private final Duration timeout;
  private final Duration pollInterval;
  private final Clock clock;
  private volatile ScepCapabilities capabilities;
  private volatile ScepCaCertificates caCertificates;

  private ScepClient(Builder builder) {
    this.uri = builder.uri;
    this.transport = builder.transport;
    this.timeout = builder.timeout;
    this.pollInterval = builder.pollInterval;
    this.clock = builder.clock;
  }

  /** A builder for the SCEP server at {@code uri} (the CGI path, e.g. {@code http://ca/scep}). */
  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  /**
   * The SCEP URI a pending enrollment was made with, to build the client that polls it.
   *
   * @throws IllegalArgumentException if {@code pending} is not a SCEP enrollment
   */
  public static URI serverOf(PendingEnrollment pending) {
    pending.requireProtocol(PROTOCOL);
    return pending.server();
  }

  /**
   * Whether polling a pending SCEP enrollment needs the caller's key ({@link #poll(
   * PendingEnrollment, Credential)}): a renewal, or a request for a key the caller supplied.
   */
  public static boolean needsCallersKey(PendingEnrollment pending) {
    serverOf(pending);
    return !pending.state().containsKey("generated-key")
        || pending.require("message-type").equals(MessageType.RENEWAL_REQ.name());
  }

  /**
   * The certificate that signed a pending request: the current certificate of a renewal, or the
   * transient self-signed certificate of a PKCSReq. With the caller's key it is the credential
   * {@link #poll(PendingEnrollment, Credential)} takes.
   */
  public static X509Certificate requesterCertificateOf(PendingEnrollment pending) {
    serverOf(pending);
    try {
      return PkiReader.defaults().readCertificate(
          Base64.getDecoder().decode(pending.require("signer-certificate")));
    } catch (PkiParseException e) {
      throw new IllegalArgumentException("the pending SCEP enrollment is damaged", e);
    }
  }

  /** The server's capabilities (GetCACaps), asked once and then cached. */
  public ScepCapabilities capabilities() throws EnrollmentTransportException,
      EnrollmentRejectedException {
    ScepCapabilities known = capabilities;
    if (known == null) {
      HttpResponse response = get("GetCACaps", Optional.empty());
      known = ScepCapabilities.parse(response.body());
      capabilities = known;
    }
    return known;
  }

  /** The CA and RA certificates (GetCACert), asked once and then cached. */
  public ScepCaCertificates scepCaCertificates() throws EnrollmentTransportException,
      EnrollmentRejectedException {
    ScepCaCertificates known = caCertificates;
    if (known == null) {
      known = ScepResponses.caCertificates(get("GetCACert", Optional.empty()), uri);
      caCertificates = known;
    }
    return known;
  }

  @Override
  public List<X509Certificate> caCertificates() throws EnrollmentTransportException,
      EnrollmentRejectedException {
    return scepCaCertificates().all();
  }

  @Override
  public EnrollmentOutcome enroll(EnrollmentRequest request) throws EnrollmentTransportException {
    RequestKey key = RequestKey.of(request.key());
    CertificationRequest csr = sign(request, key.signer());
    X509Certificate selfSigned = selfSigned(request.subject(), key.signer());
    State state = new State(MessageType.PKCS_REQ, transactionId(csr), request.subject(),
        selfSigned, key.generated());
    // The CertRep is encrypted to the self-signed certificate: the new key decrypts it.
    return send(MessageType.PKCS_REQ, csr.encoded(), state, key.signer(), selfSigned,
        key.privateKey());
  }

  @Override
  public EnrollmentOutcome renew(Credential current, EnrollmentRequest request)
      throws EnrollmentTransportException {
    Objects.requireNonNull(current, "current");
    if (!capabilitiesOrNone().renewal()) {
      throw new IllegalArgumentException(
          "the SCEP server does not offer Renewal (GetCACaps); enroll with a challenge instead");
    }
    RequestKey key = RequestKey.of(request.key());
    CertificationRequest csr = sign(request, key.signer());
    Signer currentSigner = current.signer();
    State state = new State(MessageType.RENEWAL_REQ, transactionId(csr), request.subject(),
        current.certificate(), key.generated());
    // Signed, and so answered, with the current credential: its key decrypts the CertRep.
    return send(MessageType.RENEWAL_REQ, csr.encoded(), state, currentSigner,
        current.certificate(), current.privateKey());
  }

  @Override
  public EnrollmentOutcome poll(PendingEnrollment pending) throws EnrollmentTransportException {
    State state = State.of(pending, uri);
    PrivateKey key = state.generatedKey().orElseThrow(() -> new IllegalArgumentException(
        "the pending SCEP request was signed with the caller's key or certificate:"
            + " poll(pending, credential of that key)"));
    return poll(state, key);
  }

  @Override
  public EnrollmentOutcome poll(PendingEnrollment pending, Credential current)
      throws EnrollmentTransportException {
    return poll(State.of(pending, uri), current.privateKey());
  }

  /** CertPoll signed with the key of the PKCSReq, which must be able to decrypt the answer. */
  @Override
  public EnrollmentOutcome poll(PendingEnrollment pending, EnrollmentKey.Existing requestKey)
      throws EnrollmentTransportException {
    return poll(State.of(pending, uri), requestKey.privateKey().orElseThrow(
        () -> new IllegalArgumentException("SCEP decrypts the answer with the request's private"
            + " key: EnrollmentKey.Existing with the private key")));
  }

  /**
   * GetCert (RFC 8894 section 3.3.4): a certificate the CA issued, by serial number, for a device
   * that lost its own. The request is signed, and the answer encrypted, with {@code requester}
   * (a credential the server accepts, such as the device's key with any of its certificates).
   *
   * @return {@link EnrollmentOutcome.Issued} with the certificate (no key), or {@link
   *     EnrollmentOutcome.Rejected} ({@code badCertID} when the CA knows no such certificate)
   */
  public EnrollmentOutcome certificate(Credential requester, BigInteger serial)
      throws EnrollmentTransportException {
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(serial, "serial");
    State state = lookup(MessageType.GET_CERT, requester);
    byte[] issuerAndSerial = PkiMessages.issuerAndSerial(
        scepCaCertificatesOrFail().ca().getSubjectX500Principal(), serial);
    EnrollmentOutcome outcome = send(MessageType.GET_CERT, issuerAndSerial, state,
        requester.signer(), requester.certificate(), requester.privateKey());
    if (outcome instanceof EnrollmentOutcome.Issued issued
        && !issued.certificate().getSerialNumber().equals(serial)) {
      throw new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, true,
          uri + ": GetCert answered with serial " + issued.certificate().getSerialNumber()
              .toString(16) + ", not " + serial.toString(16), null);
    }
    return outcome;
  }

  /**
   * The state of a GetCert or GetCRL: a transaction of its own, signed with the requester's
   * certificate (whose key decrypts the answer).
   */
  private static State lookup(MessageType type, Credential requester) {
    byte[] transaction = new byte[16];
    RANDOM.nextBytes(transaction);
    return new State(type, HexFormat.of().formatHex(transaction),
        requester.certificate().getSubjectX500Principal(), requester.certificate(),
        Optional.empty());
  }

  /** CertPoll, signed with the key and certificate of the request it asks about. */
  private EnrollmentOutcome poll(State state, PrivateKey key) throws EnrollmentTransportException {
    byte[] issuerAndSubject =
        PkiMessages.issuerAndSubject(scepCaCertificatesOrFail().ca(), state.subject());
    return send(MessageType.CERT_POLL, issuerAndSubject, state,
        Signer.forCertificate(state.signerCertificate(), key), state.signerCertificate(), key);
  }

  /**
   * GetCRL (RFC 8894 section 3.3.4): the CA's CRL for {@code certificate}, one it issued. The
   * request is signed, and the answer encrypted, with {@code requester}. The CRL must be the
   * CA's, and its signature must verify with the CA's key.
   *
   * @throws EnrollmentRejectedException if the CA refuses ({@code badCertID} when it knows no
   *     such certificate)
   * @throws EnrollmentTransportException {@code MALFORMED_RESPONSE} for an answer without exactly
   *     one CRL of the CA, or a PENDING
   */
  public X509CRL crl(Credential requester, X509Certificate certificate)
      throws EnrollmentTransportException, EnrollmentRejectedException {
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(certificate, "certificate");
    State state = lookup(MessageType.GET_CRL, requester);
    byte[] issuerAndSerial = PkiMessages.issuerAndSerial(certificate.getIssuerX500Principal(),
        certificate.getSerialNumber());
    CertRep rep = exchange(MessageType.GET_CRL, issuerAndSerial, state, requester.signer(),
        requester.certificate(), requester.privateKey());
    if (rep.status() == CertRep.Status.FAILURE) {
      throw new EnrollmentRejectedException(rejected(rep));
    }
    X509Certificate ca = scepCaCertificatesOrFail().ca();
    if (rep.status() == CertRep.Status.PENDING || rep.crls().size() != 1
        || !rep.crls().get(0).getIssuerX500Principal().equals(ca.getSubjectX500Principal())
        || !SignatureVerifier.bouncyCastle().verify(rep.crls().get(0), ca.getPublicKey())
            .isValid()) {
      throw new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, true, uri
          + ": GetCRL must answer one CRL signed by the CA, not " + rep.status() + " with "
          + rep.crls().size() + " CRL(s)", null);
    }
    return rep.crls().get(0);
  }

  private EnrollmentOutcome send(MessageType type, byte[] content, State state, Signer signer,
      X509Certificate signerCertificate, PrivateKey decryptionKey)
      throws EnrollmentTransportException {
    CertRep rep;
    try {
      rep = exchange(type, content, state, signer, signerCertificate, decryptionKey);
    } catch (EnrollmentRejectedException e) {
      return e.rejection();
    }
    switch (rep.status()) {
      case FAILURE:
        return rejected(rep);
      case PENDING:
        return new EnrollmentOutcome.Pending(new PendingEnrollment(PROTOCOL,
            state.transactionId(), clock.instant().plus(pollInterval), state.toMap(uri)));
      default:
        return issued(rep.certificates(), state, scepCaCertificatesOrFail());
    }
  }

  /**
   * One PKIOperation: the signed and encrypted request, the checked CertRep.
   *
   * @throws EnrollmentRejectedException for an HTTP status other than 200 and 503
   */
  private CertRep exchange(MessageType type, byte[] content, State state, Signer signer,
      X509Certificate signerCertificate, PrivateKey decryptionKey)
      throws EnrollmentTransportException, EnrollmentRejectedException {
    ScepCapabilities caps = capabilitiesOrNone();
    ScepCaCertificates cas = scepCaCertificatesOrFail();
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] message;
    try {
      message = PkiMessages.build(new PkiMessages.Request(type, content, state.transactionId(),
          nonce, signer, signerCertificate, cas.encryption(), caps.aes()));
    } catch (GeneralSecurityException e) {
      throw new EnrollmentTransportException(
          Failure.SIGNER, true, "cannot sign the SCEP request: " + e.getMessage(), e);
    }
    HttpResponse response = requireOk(pkiOperation(message, caps));
    try {
      return CertRep.read(response.body(), new CertRep.Expected(state.transactionId(), nonce,
          List.of(cas.signing(), cas.ca()), decryptionKey, signerCertificate));
    } catch (PkiParseException e) {
      throw new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, true,
          uri + ": " + e.getMessage(), e);
    }
  }

  private static EnrollmentOutcome.Rejected rejected(CertRep rep) {
    String name = FailInfo.of(rep.failInfo()).map(FailInfo::rfcName)
        .orElse("failInfo " + rep.failInfo());
    return new EnrollmentOutcome.Rejected(name, rep.failInfoText().orElse(""));
  }

  private EnrollmentOutcome issued(List<X509Certificate> certificates, State state,
      ScepCaCertificates cas) throws EnrollmentTransportException {
    if (state.type() == MessageType.GET_CERT) {
      // The certificate asked for, whoever its subject; the caller checks the serial.
      List<X509Certificate> leaves = certificates.stream()
          .filter(c -> c.getBasicConstraints() < 0).toList();
      if (leaves.size() != 1) {
        throw new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, true,
            uri + ": GetCert answered with " + leaves.size() + " end-entity certificates", null);
      }
      return new EnrollmentOutcome.Issued(List.of(leaves.get(0), cas.ca()), Optional.empty());
    }
    List<X509Certificate> chain = new ArrayList<>();
    for (X509Certificate certificate : certificates) {
      if (certificate.getSubjectX500Principal().equals(state.subject())
          && certificate.getBasicConstraints() < 0) {
        chain.add(0, certificate);
      } else {
        chain.add(certificate);
      }
    }
    if (chain.isEmpty() || !chain.get(0).getSubjectX500Principal().equals(state.subject())) {
      throw new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, true,
          uri + ": the CertRep carries no certificate for " + state.subject().getName(), null);
    }
    if (chain.size() == 1 && !cas.ca().equals(chain.get(0))) {
      chain.add(cas.ca());
    }
    return new EnrollmentOutcome.Issued(chain, state.generatedKey());
  }

  private HttpResponse pkiOperation(byte[] message, ScepCapabilities caps)
      throws EnrollmentTransportException {
    HttpResponse response;
    if (caps.post()) {
      response = transport.send(HttpRequest.post(query("PKIOperation", Optional.empty()),
          Map.of("Content-Type", "application/x-pki-message"), message, timeout));
    } else {
      response = transport.send(HttpRequest.get(query("PKIOperation",
          Optional.of(Base64.getEncoder().encodeToString(message))), Map.of(), timeout));
    }
    return response;
  }

  private HttpResponse get(String operation, Optional<String> message)
      throws EnrollmentTransportException, EnrollmentRejectedException {
    return requireOk(transport.send(HttpRequest.get(query(operation, message), Map.of(),
        timeout)));
  }

  /**
   * The response if it is a 200; a 503 is a transient failure with the server's Retry-After, any
   * other status a refusal with that status.
   */
  private HttpResponse requireOk(HttpResponse response)
      throws EnrollmentTransportException, EnrollmentRejectedException {
    if (response.status() == 503) {
      throw new EnrollmentTransportException(Failure.UNAVAILABLE, true,
          response.retryAfter(clock.instant()).orElse(null), uri + " answered HTTP 503", null);
    }
    if (response.status() != 200) {
      throw new EnrollmentRejectedException(new EnrollmentOutcome.Rejected(
          "HTTP " + response.status(), new String(response.body(), StandardCharsets.UTF_8).strip()));
    }
    return response;
  }

  private URI query(String operation, Optional<String> message) {
    StringBuilder query = new StringBuilder(uri.toString()).append("?operation=").append(operation);
    message.ifPresent(m -> query.append("&message=")
        .append(URLEncoder.encode(m, StandardCharsets.US_ASCII)));
    return URI.create(query.toString());
  }

  private ScepCapabilities capabilitiesOrNone() throws EnrollmentTransportException {
    try {
      return capabilities();
    } catch (EnrollmentRejectedException e) {
      // RFC 8894 section 3.5.1: a server without GetCACaps gets the RFC's defaults.
      return new ScepCapabilities(java.util.Set.of());
    }
  }

  private ScepCaCertificates scepCaCertificatesOrFail() throws EnrollmentTransportException {
    try {
      return scepCaCertificates();
    } catch (EnrollmentRejectedException e) {
      throw new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, false,
          uri + ": GetCACert refused: " + e.rejection(), e);
    }
  }

  private static CertificationRequest sign(EnrollmentRequest request, Signer signer)
      throws EnrollmentTransportException {
    try {
      return request.csrBuilder().sign(signer);
    } catch (GeneralSecurityException e) {
      throw new EnrollmentTransportException(
          Failure.SIGNER, true, "the key failed to sign the request: " + e.getMessage(), e);
    }
  }

  /** The transient self-signed certificate that signs a PKCSReq (RFC 8894 section 2.3). */
  private X509Certificate selfSigned(X500Principal subject, Signer signer)
      throws EnrollmentTransportException {
    Instant now = clock.instant();
    try {
      return CertificateBuilder.create()
          .subject(subject)
          .publicKey(signer.publicKey())
          .validity(now.minus(Duration.ofHours(1)), now.plus(SIGNER_VALIDITY))
          .sign(signer);
    } catch (GeneralSecurityException e) {
      throw new EnrollmentTransportException(
          Failure.SIGNER, true, "the key failed to sign: " + e.getMessage(), e);
    }
  }

  /** The transaction ID: the SHA-256 of the public key, so that re-sending stays one transaction. */
  private static String transactionId(CertificationRequest csr) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(csr.publicKey().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ScepClient[" + uri + "]";
  }

  /** Configures a {@link ScepClient}. */
  public static final class Builder {
    private final URI uri;
    private HttpTransport transport;
    private Duration timeout = Duration.ofSeconds(30);
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Clock clock = Clock.systemUTC();

    private Builder(URI uri) {
      Objects.requireNonNull(uri, "uri");
      if (!uri.isAbsolute() || uri.getQuery() != null || uri.getFragment() != null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException(
            "a SCEP URI is an absolute http(s) URI without query: " + uri);
      }
      this.uri = uri;
    }

    /** Sends requests with this transport (default: a {@link JdkHttpTransport} trusting the JDK's CAs for https). */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** How long each exchange may take (default 30 seconds). */
    public Builder timeout(Duration timeout) {
      this.timeout = Durations.positive(timeout, "timeout");
      return this;
    }

    /** How long to wait before polling a PENDING request (SCEP names no time; default 60 s). */
    public Builder pollInterval(Duration pollInterval) {
      Objects.requireNonNull(pollInterval, "pollInterval");
      if (pollInterval.isNegative()) {
        throw new IllegalArgumentException("pollInterval must not be negative");
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /** The clock for signer certificates and poll times. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The client. */
    public ScepClient build() {
      if (transport == null) {
        transport = JdkHttpTransport.builder().trustSystemCertificates().build();
      }
      return new ScepClient(this);
    }
  }

  /** What a SCEP transaction needs to be polled: its signer and, for a generated key, the key. */
  private record State(MessageType type, String transactionId, X500Principal subject,
      X509Certificate signerCertificate, Optional<PrivateKey> generatedKey) {

    Map<String, String> toMap(URI uri) {
      Base64.Encoder b64 = Base64.getEncoder();
      Map<String, String> map = new LinkedHashMap<>();
      map.put(PendingEnrollment.SERVER, uri.toString());
      map.put("message-type", type.name());
      map.put("subject", b64.encodeToString(subject.getEncoded()));
      try {
        map.put("signer-certificate", b64.encodeToString(signerCertificate.getEncoded()));
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalStateException("a certificate without an encoding", e);
      }
      generatedKey.ifPresent(k -> map.put("generated-key", b64.encodeToString(k.getEncoded())));
      return map;
    }

    static State of(PendingEnrollment pending, URI uri) {
      pending.requireMadeBy(PROTOCOL, uri);
      Base64.Decoder b64 = Base64.getDecoder();
      try {
        Optional<PrivateKey> key = Optional.empty();
        if (pending.state().containsKey("generated-key")) {
          key = Optional.of(PkiReader.defaults()
              .readPrivateKey(b64.decode(pending.state().get("generated-key"))));
        }
        return new State(MessageType.valueOf(pending.require("message-type")),
            pending.transactionId(),
            new X500Principal(b64.decode(pending.require("subject"))),
            requesterCertificateOf(pending),
            key);
      } catch (PkiParseException e) {
        throw new IllegalArgumentException("the pending SCEP enrollment is damaged", e);
      }
    }
  }

  /** The key of a new certificate: its signer, the key that decrypts the answer, if generated. */
  private record RequestKey(Signer signer, PrivateKey privateKey, Optional<PrivateKey> generated) {
    static RequestKey of(EnrollmentKey key) {
      if (key instanceof EnrollmentKey.Existing existing) {
        PrivateKey privateKey = existing.privateKey().orElseThrow(() ->
            new IllegalArgumentException("SCEP encrypts the certificate to the requester's key:"
                + " give the key pair (EnrollmentRequest.Builder.key(KeyPair)), not only a signer"));
        return new RequestKey(existing.signer(), privateKey, Optional.empty());
      }
      if (key instanceof EnrollmentKey.Generate generate) {
        KeyPair keyPair = KeyPairs.generate(generate.algorithm());
        return new RequestKey(Signer.of(keyPair), keyPair.getPrivate(),
            Optional.of(keyPair.getPrivate()));
      }
      throw new IllegalArgumentException("SCEP has no server-side key generation; use EST or CMP");
    }
  }
}
