// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cmp.CMPCertificate;
import org.bouncycastle.asn1.cmp.CMPObjectIdentifiers;
import org.bouncycastle.asn1.cmp.CertRepMessage;
import org.bouncycastle.asn1.cmp.CertResponse;
import org.bouncycastle.asn1.cmp.ErrorMsgContent;
import org.bouncycastle.asn1.cmp.GenMsgContent;
import org.bouncycastle.asn1.cmp.GenRepContent;
import org.bouncycastle.asn1.cmp.InfoTypeAndValue;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cmp.PollRepContent;
import org.bouncycastle.asn1.cmp.RevRepContent;
import org.bouncycastle.asn1.cmp.RootCaKeyUpdateContent;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.iotpki.cmp.internal.CmpBodies;
import org.iotpki.cmp.internal.CmpTransaction;
import org.iotpki.cmp.internal.GeneralValues;
import org.iotpki.cmp.internal.Protection;
import org.iotpki.core.PkiParseException;
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
import org.iotpki.core.enroll.HttpTransport;
import org.iotpki.core.enroll.JdkHttpTransport;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.internal.Durations;
import org.iotpki.core.internal.Certificates;
import org.iotpki.core.io.PkiReader;

/**
 * A CMPv2 client (RFC 4210, RFC 9480) in the Lightweight CMP profile (RFC 9483): ir, cr, p10cr
 * and kur with certConf (or implicit confirmation where granted), polling, rr, and genm, protected
 * by PasswordBasedMac with a shared secret or by a signature with a certificate.
 *
 * <pre>{@code
 * CmpClient cmp = CmpClient.builder(URI.create("http://ca.example/pkix/"))
 *     .sharedSecret("device-4711", secret)          // ir with PBM
 *     .trustAnchors(List.of(caRoot))                // for signed answers
 *     .build();
 * EnrollmentOutcome outcome = cmp.enroll(request);  // ir
 * cmp.renew(current, renewalRequest);               // kur, signed with the current certificate
 * }</pre>
 *
 * <p>Every answer is checked: its transaction ID, its recipNonce, its protection (the same
 * secret, or a signature chaining to a trust anchor), and that the certificate is for the key
 * requested (else a certConf rejection is sent and the answer is malformed). Keys may live in a
 * secure element: the client only signs with them.
 */
public final class CmpClient implements EnrollmentClient {
  /** The protocol name in {@link PendingEnrollment#protocol()}. */
  public static final String PROTOCOL = "cmp";
  /** id-it-caCerts (RFC 9483 section 4.3.1). */
  public static final String CA_CERTS = "1.3.6.1.5.5.7.4.17";
  /** id-it-rootCaKeyUpdate (RFC 9483 section 4.3.2). */
  public static final String ROOT_CA_KEY_UPDATE = "1.3.6.1.5.5.7.4.18";
  /** id-it-certReqTemplate (RFC 9483 section 4.3.3). */
  public static final String CERT_REQ_TEMPLATE = "1.3.6.1.5.5.7.4.19";

  private final URI uri;
  private final HttpTransport transport;
  private final Duration timeout;
  private final byte[] reference;
  private final char[] secret;
  private final PbmParameters pbm;
  private final Credential signedBy;
  private final List<X509Certificate> trustAnchors;
  private final GeneralName recipient;
  private final boolean implicitConfirm;
  private final Clock clock;

  private CmpClient(Builder builder) {
    this.uri = builder.uri;
    this.transport = builder.transport;
    this.timeout = builder.timeout;
    this.reference = builder.reference;
    this.secret = builder.secret;
    this.pbm = builder.pbm;
    this.signedBy = builder.signedBy;
    this.trustAnchors = builder.trustAnchors;
    this.recipient = builder.recipient;
    this.implicitConfirm = builder.implicitConfirm;
    this.clock = builder.clock;
  }

  /**
   * The CMP URI a pending request was made with, to build the client that polls it.
   *
   * @throws IllegalArgumentException if {@code pending} is not a CMP enrollment
   */
  public static URI serverOf(PendingEnrollment pending) {
    pending.requireProtocol(PROTOCOL);
    return pending.server();
  }

  /** Whether a pending CMP request is polled with a signing credential rather than the secret. */
  public static boolean signedWithCertificate(PendingEnrollment pending) {
    serverOf(pending);
    return !pending.state().containsKey("reference");
  }

  /** A builder for the CMP server at {@code uri} (its full path, e.g. {@code .../pkix/}). */
  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  /** An ir: a first certificate, protected by the shared secret (or the signing credential). */
  @Override
  public EnrollmentOutcome enroll(EnrollmentRequest request) throws EnrollmentTransportException {
    return certificateRequest(PKIBody.TYPE_INIT_REQ, request, protection(), null);
  }

  /** A cr: another certificate for an entity that already has one, signed with that one. */
  public EnrollmentOutcome certify(EnrollmentRequest request) throws EnrollmentTransportException {
    return certificateRequest(PKIBody.TYPE_CERT_REQ, request, protection(), null);
  }

  /** A p10cr: the request as PKCS#10, for CAs and keys that only do PKCS#10. */
  public EnrollmentOutcome enrollPkcs10(EnrollmentRequest request)
      throws EnrollmentTransportException {
    return certificateRequest(PKIBody.TYPE_P10_CERT_REQ, request, protection(), null);
  }

  /** A kur: a new certificate replacing {@code current}, signed with it. */
  @Override
  public EnrollmentOutcome renew(Credential current, EnrollmentRequest request)
      throws EnrollmentTransportException {
    Objects.requireNonNull(current, "current");
    return certificateRequest(PKIBody.TYPE_KEY_UPDATE_REQ, request,
        new Protection.Signature(current), current.certificate());
  }

  @Override
  public EnrollmentOutcome poll(PendingEnrollment pending) throws EnrollmentTransportException {
    State state = State.of(pending, uri);
    if (state.reference() == null) {
      throw new IllegalArgumentException("the pending CMP request was signed with a certificate:"
          + " poll(pending, that credential)");
    }
    return poll(state, new Protection.Pbm(state.reference(), state.secret(), pbm, anyName()));
  }

  @Override
  public EnrollmentOutcome poll(PendingEnrollment pending, Credential current)
      throws EnrollmentTransportException {
    return poll(State.of(pending, uri), new Protection.Signature(current));
  }

  /** The CA certificates (genm caCerts, RFC 9483 section 4.3.1); empty if the CA sends none. */
  @Override
  public List<X509Certificate> caCertificates() throws EnrollmentTransportException,
      EnrollmentRejectedException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (byte[] value : generalMessage(CA_CERTS)) {
      for (ASN1Encodable element : ASN1Sequence.getInstance(value)) {
        certificates.add(certificate(CMPCertificate.getInstance(element)));
      }
    }
    return certificates;
  }

  /**
   * A genm for one infoType (RFC 9483 section 4.3): the DER of each value the genp returns for
   * it, none when the CA has none.
   */
  public List<byte[]> generalMessage(String infoType) throws EnrollmentTransportException,
      EnrollmentRejectedException {
    return generalMessage(new InfoTypeAndValue(new ASN1ObjectIdentifier(infoType)), infoType);
  }

  /**
   * Asks whether the root CA has a new key (RFC 9483 section 4.3.2: genm with {@code
   * id-it-rootCaCert} carrying {@code currentRoot}), and authenticates the answer: {@code
   * newWithOld} must verify with {@code currentRoot}'s key and certify the key and subject of
   * {@code newWithNew}.
   *
   * @return empty when the CA has no update
   * @throws EnrollmentTransportException {@code MALFORMED_RESPONSE} if the update does not
   *     authenticate or does not parse
   */
  public Optional<RootCaKeyUpdate> rootCaKeyUpdate(X509Certificate currentRoot)
      throws EnrollmentTransportException, EnrollmentRejectedException {
    Objects.requireNonNull(currentRoot, "currentRoot");
    CMPCertificate current;
    try {
      current = new CMPCertificate(org.bouncycastle.asn1.x509.Certificate.getInstance(
          currentRoot.getEncoded()));
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalArgumentException("currentRoot does not encode: " + e.getMessage(), e);
    }
    List<byte[]> values = generalMessage(
        new InfoTypeAndValue(CMPObjectIdentifiers.id_it_rootCaCert, current), ROOT_CA_KEY_UPDATE);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    RootCaKeyUpdateContent content;
    try {
      content = RootCaKeyUpdateContent.getInstance(values.get(0));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw malformed("the rootCaKeyUpdate does not parse: " + e.getMessage());
    }
    if (content.getNewWithOld() == null) {
      throw malformed("the rootCaKeyUpdate has no newWithOld to authenticate the new root with");
    }
    X509Certificate newWithNew = certificate(content.getNewWithNew());
    X509Certificate newWithOld = certificate(content.getNewWithOld());
    String problem = GeneralValues.rootUpdateProblem(currentRoot, newWithNew, newWithOld);
    if (problem != null) {
      throw malformed("root CA key update refused: " + problem);
    }
    Optional<X509Certificate> oldWithNew = content.getOldWithNew() == null ? Optional.empty()
        : Optional.of(certificate(content.getOldWithNew()));
    return Optional.of(new RootCaKeyUpdate(newWithNew, newWithOld, oldWithNew));
  }

  /**
   * Asks what the CA expects in a certificate request (RFC 9483 section 4.3.3).
   *
   * @return empty when the CA has no template
   * @throws EnrollmentTransportException {@code MALFORMED_RESPONSE} if it does not parse
   */
  public Optional<CertificateRequestTemplate> certificateRequestTemplate()
      throws EnrollmentTransportException, EnrollmentRejectedException {
    List<byte[]> values = generalMessage(CERT_REQ_TEMPLATE);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(GeneralValues.template(values.get(0)));
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      throw malformed("the certReqTemplate does not parse: " + e.getMessage());
    }
  }

  private List<byte[]> generalMessage(InfoTypeAndValue asked, String answerType)
      throws EnrollmentTransportException, EnrollmentRejectedException {
    CmpTransaction transaction = CmpTransaction.start(peer(), protection(), false);
    CmpTransaction.Answer answer = transaction.exchange(
        new PKIBody(PKIBody.TYPE_GEN_MSG, new GenMsgContent(asked)));
    refuseError(answer);
    requireType(answer, PKIBody.TYPE_GEN_REP);
    List<byte[]> values = new ArrayList<>();
    for (InfoTypeAndValue itav : GenRepContent.getInstance(answer.body().getContent())
        .toInfoTypeAndValueArray()) {
      if (itav.getInfoType().getId().equals(answerType) && itav.getInfoValue() != null) {
        values.add(der(itav.getInfoValue()));
      }
    }
    return values;
  }

  /**
   * An rr: revokes {@code certificate} with a CRL reason (RFC 5280 section 5.3.1: 0 unspecified,
   * 1 keyCompromise, 4 superseded, 5 cessationOfOperation, ...).
   *
   * @throws EnrollmentRejectedException if the CA refuses
   */
  public void revoke(X509Certificate certificate, int reason) throws EnrollmentTransportException,
      EnrollmentRejectedException {
    CmpTransaction transaction = CmpTransaction.start(peer(), protection(), false);
    CmpTransaction.Answer answer =
        transaction.exchange(CmpBodies.revocation(certificate, reason));
    refuseError(answer);
    requireType(answer, PKIBody.TYPE_REVOCATION_REP);
    PKIStatusInfo status = RevRepContent.getInstance(answer.body().getContent()).getStatus()[0];
    int value = status.getStatus().intValue();
    if (value != PKIStatus.GRANTED && value != PKIStatus.GRANTED_WITH_MODS) {
      throw new EnrollmentRejectedException(rejected(status, ""));
    }
  }

  private EnrollmentOutcome certificateRequest(int type, EnrollmentRequest request,
      Protection protection, X509Certificate old) throws EnrollmentTransportException {
    RequestKey key = RequestKey.of(request.key());
    PkiBodyFactory factory = () -> type == PKIBody.TYPE_P10_CERT_REQ
        ? CmpBodies.p10(request.csrBuilder().sign(key.signer()))
        : CmpBodies.certificateRequest(type, request, key.signer(), old);
    PKIBody body;
    try {
      body = factory.body();
    } catch (GeneralSecurityException e) {
      throw new EnrollmentTransportException(Failure.SIGNER, true,
          "the key failed to sign the request: " + e.getMessage(), e);
    }
    CmpTransaction transaction = CmpTransaction.start(peer(), protection, implicitConfirm);
    State state = new State(type, transaction.transactionId(), new byte[0],
        key.signer().publicKey().getEncoded(), request.subject(), key.generated(),
        protection instanceof Protection.Pbm ? reference : null,
        protection instanceof Protection.Pbm ? secret : null);
    return answer(transaction, transaction.exchange(body), state, protection);
  }

  private EnrollmentOutcome poll(State state, Protection protection)
      throws EnrollmentTransportException {
    CmpTransaction transaction = CmpTransaction.resume(peer(), protection,
        state.transactionId(), state.recipNonce());
    return answer(transaction,
        transaction.exchange(CmpBodies.pollRequest(state.type() == PKIBody.TYPE_P10_CERT_REQ
            ? java.math.BigInteger.ONE.negate() : CmpBodies.CERT_REQ_ID)), state, protection);
  }

  /** Reads ip/cp/kup, pollRep or error, confirming an issued certificate. */
  private EnrollmentOutcome answer(CmpTransaction transaction, CmpTransaction.Answer answer,
      State state, Protection protection) throws EnrollmentTransportException {
    if (answer.type() == PKIBody.TYPE_ERROR) {
      return error(answer);
    }
    if (answer.type() == PKIBody.TYPE_POLL_REP) {
      long seconds = PollRepContent.getInstance(answer.body().getContent()).getCheckAfter(0)
          .longValueExact();
      return pending(transaction, state, Duration.ofSeconds(Math.max(0, seconds)));
    }
    requireType(answer, responseType(state.type()));
    CertRepMessage rep = CertRepMessage.getInstance(answer.body().getContent());
    CertResponse response = rep.getResponse()[0];
    java.math.BigInteger certReqId = response.getCertReqId().getValue();
    int status = response.getStatus().getStatus().intValue();
    if (status == PKIStatus.WAITING) {
      // The first pollReq may go at once; its pollRep says when to ask again (RFC 9483 4.4).
      return pending(transaction, state, Duration.ZERO);
    }
    if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
      return rejected(response.getStatus(), "");
    }
    if (response.getCertifiedKeyPair() == null
        || response.getCertifiedKeyPair().getCertOrEncCert().getCertificate() == null) {
      throw malformed("granted, but no certificate (an encrypted one is not supported)");
    }
    X509Certificate certificate =
        certificate(response.getCertifiedKeyPair().getCertOrEncCert().getCertificate());
    if (!Arrays.equals(Certificates.subjectPublicKeyInfo(certificate), state.publicKey())) {
      confirm(transaction, () -> CmpBodies.reject(certificate, certReqId, "not the requested key"));
      throw malformed("the certificate is not for the requested key");
    }
    if (!implicitlyConfirmed(answer)) {
      confirm(transaction, () -> CmpBodies.accept(certificate, certReqId));
    }
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    chain.addAll(issuers(certificate, answer, rep));
    return new EnrollmentOutcome.Issued(chain, state.generatedKey());
  }

  private void confirm(CmpTransaction transaction, PkiBodyFactory body)
      throws EnrollmentTransportException {
    CmpTransaction.Answer answer;
    try {
      answer = transaction.exchange(body.body());
    } catch (GeneralSecurityException e) {
      throw new EnrollmentTransportException(Failure.SIGNER, false,
          "cannot build certConf: " + e.getMessage(), e);
    }
    if (answer.type() == PKIBody.TYPE_ERROR) {
      EnrollmentOutcome.Rejected rejected = (EnrollmentOutcome.Rejected) error(answer);
      throw malformed("the CA refused our certConf: " + rejected);
    }
    requireType(answer, PKIBody.TYPE_CONFIRM);
  }

  private EnrollmentOutcome pending(CmpTransaction transaction, State state, Duration checkAfter) {
    State next = state.withRecipNonce(transaction.recipNonce());
    return new EnrollmentOutcome.Pending(new PendingEnrollment(PROTOCOL,
        HexFormat.of().formatHex(state.transactionId()), clock.instant().plus(checkAfter),
        next.toMap(uri)));
  }

  private static boolean implicitlyConfirmed(CmpTransaction.Answer answer) {
    InfoTypeAndValue[] info = answer.message().getHeader().getGeneralInfo();
    return info != null && Arrays.stream(info)
        .anyMatch(i -> i.getInfoType().equals(CMPObjectIdentifiers.it_implicitConfirm));
  }

  /** The certificates that issued {@code certificate}, from caPubs and extraCerts. */
  private List<X509Certificate> issuers(X509Certificate certificate,
      CmpTransaction.Answer answer, CertRepMessage rep) throws EnrollmentTransportException {
    List<CMPCertificate> candidates = new ArrayList<>();
    if (answer.message().toASN1Structure().getExtraCerts() != null) {
      candidates.addAll(Arrays.asList(answer.message().toASN1Structure().getExtraCerts()));
    }
    if (rep.getCaPubs() != null) {
      candidates.addAll(Arrays.asList(rep.getCaPubs()));
    }
    List<X509Certificate> chain = new ArrayList<>();
    X500Principal next = certificate.getIssuerX500Principal();
    for (int depth = 0; depth < 8 && !candidates.isEmpty(); depth++) {
      X509Certificate found = null;
      for (CMPCertificate candidate : candidates) {
        X509Certificate parsed = certificate(candidate);
        if (parsed.getSubjectX500Principal().equals(next) && !chain.contains(parsed)) {
          found = parsed;
          break;
        }
      }
      if (found == null || found.getSubjectX500Principal().equals(found.getIssuerX500Principal())
          && chain.contains(found)) {
        break;
      }
      chain.add(found);
      if (found.getSubjectX500Principal().equals(found.getIssuerX500Principal())) {
        break;
      }
      next = found.getIssuerX500Principal();
    }
    return chain;
  }

  private EnrollmentOutcome error(CmpTransaction.Answer answer) {
    ErrorMsgContent error = ErrorMsgContent.getInstance(answer.body().getContent());
    String note = answer.verified() ? ""
        : " (unverified: " + answer.protectionProblem() + "; a wrong shared secret?)";
    return rejected(error.getPKIStatusInfo(), note);
  }

  private static EnrollmentOutcome.Rejected rejected(PKIStatusInfo status, String note) {
    List<String> names = status.getFailInfo() == null ? List.of()
        : CmpFailureInfo.names(status.getFailInfo().getBytes());
    StringBuilder text = new StringBuilder();
    if (status.getStatusString() != null) {
      for (int i = 0; i < status.getStatusString().size(); i++) {
        text.append(i == 0 ? "" : "; ").append(status.getStatusString().getStringAtUTF8(i)
            .getString());
      }
    }
    return new EnrollmentOutcome.Rejected(
        names.isEmpty() ? "rejection" : String.join(",", names), text + note);
  }

  private void refuseError(CmpTransaction.Answer answer) throws EnrollmentRejectedException {
    if (answer.type() == PKIBody.TYPE_ERROR) {
      throw new EnrollmentRejectedException((EnrollmentOutcome.Rejected) error(answer));
    }
  }

  private void requireType(CmpTransaction.Answer answer, int type)
      throws EnrollmentTransportException {
    if (answer.type() != type) {
      throw malformed("answer of type " + answer.type() + ", expected " + type);
    }
  }

  private static int responseType(int requestType) {
    switch (requestType) {
      case PKIBody.TYPE_INIT_REQ:
        return PKIBody.TYPE_INIT_REP;
      case PKIBody.TYPE_KEY_UPDATE_REQ:
        return PKIBody.TYPE_KEY_UPDATE_REP;
      default:
        return PKIBody.TYPE_CERT_REP;
    }
  }

  private Protection protection() {
    if (signedBy != null) {
      return new Protection.Signature(signedBy);
    }
    if (secret == null) {
      throw new IllegalArgumentException(
          "no protection: configure sharedSecret(reference, secret) or signedBy(credential)");
    }
    return new Protection.Pbm(reference, secret, pbm, anyName());
  }

  /** The empty name, "no name" (RFC 9483 section 3.1: a PBM sender may not have one yet). */
  private static GeneralName anyName() {
    return new GeneralName(new X500Name(""));
  }

  private CmpTransaction.Peer peer() {
    return new CmpTransaction.Peer(uri, transport, timeout, recipient, trustAnchors, clock);
  }

  private X509Certificate certificate(CMPCertificate certificate)
      throws EnrollmentTransportException {
    try {
      return Certificates.certificate(der(certificate), PkiParseException.UNKNOWN_OFFSET);
    } catch (PkiParseException e) {
      throw malformed("a certificate in the answer: " + e.getMessage());
    }
  }

  private EnrollmentTransportException malformed(String problem) {
    return new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, false,
        uri + ": " + problem, null);
  }

  private static byte[] der(ASN1Encodable value) {
    return org.iotpki.core.internal.Asn1.der(value);
  }

  @Override
  public String toString() {
    return "CmpClient[" + uri + "]";
  }

  @FunctionalInterface
  private interface PkiBodyFactory {
    PKIBody body() throws GeneralSecurityException;
  }

  /** Configures a {@link CmpClient}. */
  public static final class Builder {
    private final URI uri;
    private HttpTransport transport;
    private Duration timeout = Duration.ofSeconds(30);
    private byte[] reference;
    private char[] secret;
    private PbmParameters pbm = PbmParameters.defaults();
    private Credential signedBy;
    private List<X509Certificate> trustAnchors = List.of();
    private GeneralName recipient = anyName();
    private boolean implicitConfirm;
    private Clock clock = Clock.systemUTC();

    private Builder(URI uri) {
      Objects.requireNonNull(uri, "uri");
      if (!uri.isAbsolute() || !("http".equals(uri.getScheme())
          || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("a CMP URI is an absolute http(s) URI: " + uri);
      }
      this.uri = uri;
    }

    /**
     * PasswordBasedMac protection with a shared secret and its reference (the senderKID), as a CA
     * hands them out for first enrollments (RFC 9483 section 3.2).
     */
    public Builder sharedSecret(String reference, char[] secret) {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(secret, "secret");
      if (reference.isEmpty() || secret.length == 0) {
        throw new IllegalArgumentException("an empty reference or secret");
      }
      this.reference = reference.getBytes(StandardCharsets.UTF_8);
      this.secret = secret.clone();
      return this;
    }

    /** The PBM parameters of requests (default {@link PbmParameters#defaults()}). */
    public Builder pbm(PbmParameters parameters) {
      this.pbm = Objects.requireNonNull(parameters, "parameters");
      return this;
    }

    /** Signature protection with a credential (an IDevID, a current certificate) for ir/cr/p10cr. */
    public Builder signedBy(Credential credential) {
      this.signedBy = Objects.requireNonNull(credential, "credential");
      return this;
    }

    /** The certificates signed answers must chain to (required for signature protection). */
    public Builder trustAnchors(List<X509Certificate> anchors) {
      this.trustAnchors = List.copyOf(anchors);
      return this;
    }

    /** The recipient of requests, the CA's name (default: the empty name, "any"). */
    public Builder recipient(X500Principal ca) {
      this.recipient = new GeneralName(X500Name.getInstance(ca.getEncoded()));
      return this;
    }

    /** Asks for implicit confirmation (no certConf when the CA grants it). */
    public Builder implicitConfirm() {
      this.implicitConfirm = true;
      return this;
    }

    /** Sends requests with this transport (default: a {@link JdkHttpTransport}). */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** How long each exchange may take (default 30 seconds). */
    public Builder timeout(Duration timeout) {
      this.timeout = Durations.positive(timeout, "timeout");
      return this;
    }

    /** The clock for poll times. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The client. */
    public CmpClient build() {
      if (transport == null) {
        transport = trustAnchors.isEmpty()
            ? JdkHttpTransport.builder().trustSystemCertificates().build()
            : JdkHttpTransport.builder().trustAnchors(trustAnchors).build();
      }
      return new CmpClient(this);
    }
  }

  /** The key of the new certificate: its signer, and the key itself when generated here. */
  private record RequestKey(Signer signer, Optional<PrivateKey> generated) {
    static RequestKey of(EnrollmentKey key) {
      if (key instanceof EnrollmentKey.Existing existing) {
        return new RequestKey(existing.signer(), Optional.empty());
      }
      if (key instanceof EnrollmentKey.Generate generate) {
        KeyPair keyPair = KeyPairs.generate(generate.algorithm());
        return new RequestKey(Signer.of(keyPair), Optional.of(keyPair.getPrivate()));
      }
      throw new IllegalArgumentException(
          "central key generation (RFC 9483 section 4.1.6) is not supported yet");
    }
  }

  /** What a CMP request needs to be polled. */
  private record State(int type, byte[] transactionId, byte[] recipNonce, byte[] publicKey,
      X500Principal subject, Optional<PrivateKey> generatedKey, byte[] reference,
      char[] secret) {

    State withRecipNonce(byte[] nonce) {
      return new State(type, transactionId, nonce, publicKey, subject, generatedKey, reference,
          secret);
    }

    Map<String, String> toMap(URI uri) {
      Base64.Encoder b64 = Base64.getEncoder();
      Map<String, String> map = new LinkedHashMap<>();
      map.put(PendingEnrollment.SERVER, uri.toString());
      map.put("body-type", Integer.toString(type));
      map.put("recip-nonce", b64.encodeToString(recipNonce));
      map.put("public-key", b64.encodeToString(publicKey));
      map.put("subject", b64.encodeToString(subject.getEncoded()));
      generatedKey.ifPresent(k -> map.put("generated-key", b64.encodeToString(k.getEncoded())));
      if (reference != null) {
        map.put("reference", b64.encodeToString(reference));
        map.put("secret", b64.encodeToString(new String(secret).getBytes(StandardCharsets.UTF_8)));
      }
      return map;
    }

    static State of(PendingEnrollment pending, URI uri) {
      pending.requireMadeBy(PROTOCOL, uri);
      Base64.Decoder b64 = Base64.getDecoder();
      Map<String, String> state = pending.state();
      try {
        Optional<PrivateKey> key = Optional.empty();
        if (state.containsKey("generated-key")) {
          key = Optional.of(PkiReader.defaults()
              .readPrivateKey(b64.decode(state.get("generated-key"))));
        }
        return new State(Integer.parseInt(pending.require("body-type")),
            HexFormat.of().parseHex(pending.transactionId()),
            b64.decode(pending.require("recip-nonce")),
            b64.decode(pending.require("public-key")),
            new X500Principal(b64.decode(pending.require("subject"))),
            key,
            state.containsKey("reference") ? b64.decode(state.get("reference")) : null,
            state.containsKey("secret")
                ? new String(b64.decode(state.get("secret")), StandardCharsets.UTF_8).toCharArray()
                : null);
      } catch (PkiParseException | IllegalArgumentException e) {
        throw new IllegalArgumentException("the pending CMP enrollment is damaged", e);
      }
    }
  }
}
