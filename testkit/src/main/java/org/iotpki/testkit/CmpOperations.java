// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cmp.CMPCertificate;
import org.bouncycastle.asn1.cmp.CMPObjectIdentifiers;
import org.bouncycastle.asn1.cmp.CertConfirmContent;
import org.bouncycastle.asn1.cmp.CertOrEncCert;
import org.bouncycastle.asn1.cmp.CertRepMessage;
import org.bouncycastle.asn1.cmp.CertReqTemplateContent;
import org.bouncycastle.asn1.cmp.CertResponse;
import org.bouncycastle.asn1.cmp.CertifiedKeyPair;
import org.bouncycastle.asn1.cmp.ErrorMsgContent;
import org.bouncycastle.asn1.cmp.GenMsgContent;
import org.bouncycastle.asn1.cmp.GenRepContent;
import org.bouncycastle.asn1.cmp.InfoTypeAndValue;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIConfirmContent;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIHeader;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cmp.PollRepContent;
import org.bouncycastle.asn1.cmp.PollReqContent;
import org.bouncycastle.asn1.cmp.RevDetails;
import org.bouncycastle.asn1.cmp.RevRepContentBuilder;
import org.bouncycastle.asn1.cmp.RevReqContent;
import org.bouncycastle.asn1.cmp.RootCaKeyUpdateContent;
import org.bouncycastle.asn1.crmf.AttributeTypeAndValue;
import org.bouncycastle.asn1.crmf.CertId;
import org.bouncycastle.asn1.crmf.CertReqMessages;
import org.bouncycastle.asn1.crmf.CertTemplate;
import org.bouncycastle.asn1.crmf.CertTemplateBuilder;
import org.bouncycastle.asn1.crmf.CRMFObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.cmp.CMPException;
import org.bouncycastle.cert.cmp.CertificateConfirmationContent;
import org.bouncycastle.cert.cmp.CertificateStatus;
import org.bouncycastle.cert.cmp.GeneralPKIMessage;
import org.bouncycastle.cert.crmf.CRMFException;
import org.bouncycastle.cert.crmf.CertificateRequestMessage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.validation.SignatureVerifier;

/**
 * The CMP server's answers to each request body (RFC 4210 section 5.3, RFC 9483 section 4), and
 * the state of its transactions: issued certificates wait for certConf, waiting requests for
 * pollReq.
 */
final class CmpOperations {
  private static final String SUBJECT_ALT_NAME = Extension.subjectAlternativeName.getId();
  /** A p10cr's certificate has no certReqId of its own (RFC 9483 section 4.1.4). */
  private static final BigInteger P10_CERT_REQ_ID = BigInteger.ONE.negate();

  private final TestCa ca;
  private final CmpHandler.Waiting waiting;
  /** The root CA key update to announce, or null for none. */
  private final RootCaKeyUpdateContent rootUpdate;
  private final Provider bouncyCastle = ProviderStrategy.bouncyCastle().provider("Signature",
      "SHA256withECDSA");
  private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
  private final Map<BigInteger, X509Certificate> issued = new ConcurrentHashMap<>();
  private final List<BigInteger> revoked = new CopyOnWriteArrayList<>();
  private volatile boolean approveAll;

  CmpOperations(TestCa ca, CmpHandler.Waiting waiting, List<X509Certificate> rootUpdate) {
    this.ca = ca;
    this.waiting = waiting;
    this.rootUpdate = rootUpdate == null ? null : new RootCaKeyUpdateContent(
        cmpCertificate(rootUpdate.get(0)), cmpCertificate(rootUpdate.get(1)),
        rootUpdate.get(2) == null ? null : cmpCertificate(rootUpdate.get(2)));
  }

  /** What to answer: the body, a word for {@link CmpServer#operations()}, implicitConfirm. */
  record Answer(PKIBody body, String outcome, boolean implicitConfirm) {}

  /** A certificate request's transaction. Guarded by its own lock. */
  private static final class Transaction {
    final int requestType;
    final BigInteger certReqId;
    final X500Principal subject;
    final PublicKey publicKey;
    final CertificateExtension subjectAltNames;
    final boolean implicitConfirm;
    int pollsLeft;
    X509Certificate certificate;
    boolean confirmed;

    Transaction(int requestType, BigInteger certReqId, X500Principal subject, PublicKey publicKey,
        CertificateExtension subjectAltNames, boolean implicitConfirm, int pollsLeft) {
      this.requestType = requestType;
      this.certReqId = certReqId;
      this.subject = subject;
      this.publicKey = publicKey;
      this.subjectAltNames = subjectAltNames;
      this.implicitConfirm = implicitConfirm;
      this.pollsLeft = pollsLeft;
    }
  }

  void approveAll() {
    approveAll = true;
  }

  List<X509Certificate> issued() {
    return List.copyOf(issued.values());
  }

  List<BigInteger> revoked() {
    return List.copyOf(revoked);
  }

  /** An error message for a refusal (RFC 4210 section 5.3.21). */
  static PKIBody error(CmpRefusal refusal) {
    return new PKIBody(PKIBody.TYPE_ERROR, new ErrorMsgContent(status(PKIStatus.rejection,
        refusal.getMessage(), refusal.failInfo())));
  }

  /**
   * Answers a request whose protection verified.
   *
   * @throws CmpRefusal when the request is refused as a whole
   */
  Answer answer(GeneralPKIMessage request, CmpProtection.Verified protection) throws CmpRefusal {
    PKIBody body = request.getBody();
    try {
      switch (body.getType()) {
        case PKIBody.TYPE_INIT_REQ:
        case PKIBody.TYPE_CERT_REQ:
        case PKIBody.TYPE_KEY_UPDATE_REQ:
          return certificateRequest(request, protection);
        case PKIBody.TYPE_P10_CERT_REQ:
          return p10(request);
        case PKIBody.TYPE_POLL_REQ:
          return poll(request);
        case PKIBody.TYPE_CERT_CONFIRM:
          return confirm(request);
        case PKIBody.TYPE_REVOCATION_REQ:
          return revoke(body, protection);
        case PKIBody.TYPE_GEN_MSG:
          return general(body);
        default:
          throw CmpRefusal.badRequest("this server does not take body type " + body.getType());
      }
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      throw CmpRefusal.badDataFormat("malformed body: " + e.getMessage());
    }
  }

  private Answer certificateRequest(GeneralPKIMessage request, CmpProtection.Verified protection)
      throws CmpRefusal {
    int type = request.getBody().getType();
    if (type != PKIBody.TYPE_INIT_REQ && protection.signer() == null) {
      throw CmpRefusal.notAuthorized("cr and kur must be signed with a certificate of this CA");
    }
    CertReqMessages messages = CertReqMessages.getInstance(request.getBody().getContent());
    if (messages.toCertReqMsgArray().length != 1) {
      throw CmpRefusal.badRequest("one certificate request per message (RFC 9483 section 4.1)");
    }
    CertificateRequestMessage message =
        new CertificateRequestMessage(messages.toCertReqMsgArray()[0]);
    CertTemplate template = message.getCertTemplate();
    if (template.getSubject() == null || template.getPublicKey() == null) {
      throw CmpRefusal.badCertTemplate(
          "the template needs a subject and a public key (no central key generation here)");
    }
    checkPop(message, template.getPublicKey());
    if (type == PKIBody.TYPE_KEY_UPDATE_REQ) {
      checkOldCertificate(message, protection.signer());
    }
    CertificateExtension subjectAltNames = null;
    if (template.getExtensions() != null
        && template.getExtensions().getExtension(Extension.subjectAlternativeName) != null) {
      subjectAltNames = new CertificateExtension(SUBJECT_ALT_NAME, false, der(
          template.getExtensions().getExtension(Extension.subjectAlternativeName)
              .getParsedValue()));
    }
    return start(request.getHeader(), new Transaction(type, message.getCertReqId().getValue(),
        principal(template.getSubject()), publicKey(template.getPublicKey()), subjectAltNames,
        implicitConfirm(request.getHeader()), waiting.pollCount()));
  }

  private void checkPop(CertificateRequestMessage message, SubjectPublicKeyInfo key)
      throws CmpRefusal {
    if (!message.hasProofOfPossession()
        || message.getProofOfPossessionType() != CertificateRequestMessage.popSigningKey) {
      throw CmpRefusal.badPop("a signature proof of possession is required");
    }
    try {
      if (!message.isValidSigningKeyPOP(
          new JcaContentVerifierProviderBuilder().setProvider(bouncyCastle).build(key))) {
        throw CmpRefusal.badPop("the proof of possession does not verify");
      }
    } catch (CRMFException | OperatorCreationException e) {
      throw CmpRefusal.badPop("the proof of possession cannot be checked: " + e.getMessage());
    }
  }

  /** A kur updates the certificate that signs it, named by its oldCertID control if present. */
  private static void checkOldCertificate(CertificateRequestMessage message,
      X509Certificate signer) throws CmpRefusal {
    if (message.hasControl(CRMFObjectIdentifiers.id_regCtrl_oldCertID)) {
      CertId old = CertId.getInstance(
          message.getControlValue(CRMFObjectIdentifiers.id_regCtrl_oldCertID));
      boolean same = old.getSerialNumber().getValue().equals(signer.getSerialNumber())
          && old.getIssuer().equals(new GeneralName(X500Name.getInstance(
              signer.getIssuerX500Principal().getEncoded())));
      if (!same) {
        throw CmpRefusal.badCertId("kur: oldCertID is not the signing certificate");
      }
    }
  }

  private Answer p10(GeneralPKIMessage request) throws CmpRefusal {
    CertificationRequest csr;
    try {
      csr = CertificationRequest.decode(der(request.getBody().getContent()));
    } catch (PkiParseException e) {
      throw CmpRefusal.badDataFormat("p10cr: " + e.getMessage());
    }
    if (!SignatureVerifier.bouncyCastle().verify(csr).isValid()) {
      throw CmpRefusal.badPop("p10cr: the PKCS#10 signature does not verify");
    }
    CertificateExtension subjectAltNames = csr.requestedExtensions().stream()
        .filter(e -> e.oid().equals(SUBJECT_ALT_NAME)).findFirst().orElse(null);
    return start(request.getHeader(), new Transaction(PKIBody.TYPE_P10_CERT_REQ, P10_CERT_REQ_ID,
        csr.subject(), csr.publicKey(), subjectAltNames, implicitConfirm(request.getHeader()),
        waiting.pollCount()));
  }

  private Answer start(PKIHeader header, Transaction transaction) throws CmpRefusal {
    if (transactions.putIfAbsent(id(header), transaction) != null) {
      throw CmpRefusal.transactionIdInUse("transactionID already used");
    }
    synchronized (transaction) {
      if (waits(transaction)) {
        CertResponse response = new CertResponse(new ASN1Integer(transaction.certReqId),
            status(PKIStatus.waiting, null, 0));
        return new Answer(certRep(transaction, response, false), "waiting", false);
      }
      return issue(transaction);
    }
  }

  private boolean waits(Transaction transaction) {
    return waiting.manualApproval() && !approveAll || transaction.pollsLeft > 0;
  }

  private Answer issue(Transaction transaction) {
    X509Certificate certificate = ca.issue(transaction.subject, transaction.publicKey,
        b -> transaction.subjectAltNames == null ? b : b.extension(transaction.subjectAltNames));
    transaction.certificate = certificate;
    transaction.confirmed = transaction.implicitConfirm;
    issued.put(certificate.getSerialNumber(), certificate);
    CertResponse response = new CertResponse(new ASN1Integer(transaction.certReqId),
        status(PKIStatus.granted, null, 0),
        new CertifiedKeyPair(new CertOrEncCert(cmpCertificate(certificate))), null);
    return new Answer(certRep(transaction, response, true), "accepted",
        transaction.implicitConfirm);
  }

  /** ip, cp or kup; an ir's granted answer carries the root in caPubs (RFC 9483 4.1.1). */
  private PKIBody certRep(Transaction transaction, CertResponse response, boolean granted) {
    CMPCertificate[] caPubs = granted && transaction.requestType == PKIBody.TYPE_INIT_REQ
        ? new CMPCertificate[] {cmpCertificate(ca.root())} : null;
    int type = transaction.requestType == PKIBody.TYPE_INIT_REQ ? PKIBody.TYPE_INIT_REP
        : transaction.requestType == PKIBody.TYPE_KEY_UPDATE_REQ ? PKIBody.TYPE_KEY_UPDATE_REP
        : PKIBody.TYPE_CERT_REP;
    return new PKIBody(type, new CertRepMessage(caPubs, new CertResponse[] {response}));
  }

  private Answer poll(GeneralPKIMessage request) throws CmpRefusal {
    PollReqContent content = PollReqContent.getInstance(request.getBody().getContent());
    Transaction transaction = transactions.get(id(request.getHeader()));
    if (transaction == null) {
      throw CmpRefusal.badRequest("pollReq for an unknown transaction");
    }
    BigInteger asked = content.getCertReqIdValues()[0];
    if (!asked.equals(transaction.certReqId)) {
      throw CmpRefusal.badRequest("pollReq for certReqId " + asked + ", not "
          + transaction.certReqId);
    }
    synchronized (transaction) {
      if (transaction.certificate != null) {
        throw CmpRefusal.badRequest("pollReq after the certificate was sent");
      }
      if (waits(transaction)) {
        transaction.pollsLeft = Math.max(0, transaction.pollsLeft - 1);
        return new Answer(new PKIBody(PKIBody.TYPE_POLL_REP, new PollRepContent(
            new ASN1Integer(transaction.certReqId),
            new ASN1Integer(waiting.checkAfterSeconds()))), "waiting", false);
      }
      return issue(transaction);
    }
  }

  private Answer confirm(GeneralPKIMessage request) throws CmpRefusal {
    Transaction transaction = transactions.get(id(request.getHeader()));
    if (transaction == null || transaction.certificate == null) {
      throw CmpRefusal.badRequest("certConf for a transaction with no certificate");
    }
    CertificateStatus[] statuses = new CertificateConfirmationContent(
        CertConfirmContent.getInstance(request.getBody().getContent())).getStatusMessages();
    if (statuses.length != 1 || !statuses[0].getCertRequestID().equals(transaction.certReqId)) {
      throw CmpRefusal.badRequest("certConf must confirm certReqId " + transaction.certReqId);
    }
    synchronized (transaction) {
      if (transaction.confirmed) {
        throw CmpRefusal.badRequest("the certificate was already confirmed");
      }
      if (!hashMatches(statuses[0], transaction.certificate)) {
        throw CmpRefusal.badCertId("certConf: the certHash is not the certificate's");
      }
      transaction.confirmed = true;
      PKIStatusInfo status = statuses[0].getStatusInfo();
      boolean rejected = status != null && status.getStatus().intValue() == PKIStatus.REJECTION;
      if (rejected) {
        issued.remove(transaction.certificate.getSerialNumber());
      }
      return new Answer(new PKIBody(PKIBody.TYPE_CONFIRM, new PKIConfirmContent()),
          rejected ? "rejected" : "accepted", false);
    }
  }

  private boolean hashMatches(CertificateStatus status, X509Certificate certificate)
      throws CmpRefusal {
    try {
      return status.isVerified(new JcaX509CertificateHolder(certificate),
          new JcaDigestCalculatorProviderBuilder().setProvider(bouncyCastle).build());
    } catch (CMPException | CertificateEncodingException | OperatorCreationException e) {
      throw CmpRefusal.badCertId("certConf: the certHash cannot be checked: " + e.getMessage());
    }
  }

  /**
   * rr: revokes a certificate of this CA. A signed request may revoke only its signer's own
   * certificate; the shared secret, like an RA, may revoke any.
   */
  private Answer revoke(PKIBody body, CmpProtection.Verified protection) throws CmpRefusal {
    RevDetails[] details = RevReqContent.getInstance(body.getContent()).toRevDetailsArray();
    if (details.length != 1) {
      throw CmpRefusal.badRequest("one certificate per rr (RFC 9483 section 4.2)");
    }
    CertTemplate template = details[0].getCertDetails();
    if (template.getSerialNumber() == null || template.getIssuer() == null) {
      throw CmpRefusal.badCertTemplate("rr needs the certificate's issuer and serial number");
    }
    BigInteger serial = template.getSerialNumber().getValue();
    X509Certificate certificate = issued.get(serial);
    PKIStatusInfo status;
    String outcome;
    if (certificate == null
        || !principal(template.getIssuer()).equals(certificate.getIssuerX500Principal())) {
      status = status(PKIStatus.rejection, "no such certificate", PKIFailureInfo.badCertId);
      outcome = "badCertId";
    } else if (protection.signer() != null
        && !protection.signer().getSerialNumber().equals(serial)) {
      status = status(PKIStatus.rejection, "a certificate may revoke only itself",
          PKIFailureInfo.notAuthorized);
      outcome = "notAuthorized";
    } else if (revoked.contains(serial)) {
      status = status(PKIStatus.rejection, "already revoked", PKIFailureInfo.certRevoked);
      outcome = "certRevoked";
    } else {
      revoked.add(serial);
      status = status(PKIStatus.granted, null, 0);
      outcome = "accepted";
    }
    return new Answer(new PKIBody(PKIBody.TYPE_REVOCATION_REP, new RevRepContentBuilder()
        .add(status, new CertId(new GeneralName(template.getIssuer()), serial)).build()),
        outcome, false);
  }

  /**
   * genm (RFC 9483 section 4.3): caCerts, a root CA key update (no value when there is none) and
   * certReqTemplate; other types are left out of the genp, as RFC 4210 section 5.3.19 allows.
   */
  private Answer general(PKIBody body) {
    List<InfoTypeAndValue> values = new ArrayList<>();
    for (InfoTypeAndValue asked : GenMsgContent.getInstance(body.getContent())
        .toInfoTypeAndValueArray()) {
      if (asked.getInfoType().equals(CMPObjectIdentifiers.id_it_caCerts)) {
        values.add(new InfoTypeAndValue(asked.getInfoType(), new DERSequence(
            ca.chainToRoot().stream().map(CmpOperations::cmpCertificate)
                .toArray(CMPCertificate[]::new))));
      } else if (asked.getInfoType().equals(CMPObjectIdentifiers.id_it_rootCaCert)
          || asked.getInfoType().equals(CMPObjectIdentifiers.id_it_rootCaKeyUpdate)) {
        values.add(rootUpdateFor(asked));
      } else if (asked.getInfoType().equals(CMPObjectIdentifiers.id_it_certReqTemplate)) {
        values.add(new InfoTypeAndValue(asked.getInfoType(), certRequestTemplate()));
      }
    }
    return new Answer(new PKIBody(PKIBody.TYPE_GEN_REP,
        new GenRepContent(values.toArray(InfoTypeAndValue[]::new))), "accepted", false);
  }

  /**
   * The update of the root the requester names (RFC 9483 section 4.3.2), if any: an update of
   * another root is no update.
   */
  private InfoTypeAndValue rootUpdateFor(InfoTypeAndValue asked) {
    boolean ours = asked.getInfoValue() == null
        || CMPCertificate.getInstance(asked.getInfoValue()).equals(cmpCertificate(ca.root()));
    return rootUpdate != null && ours
        ? new InfoTypeAndValue(CMPObjectIdentifiers.id_it_rootCaKeyUpdate, rootUpdate)
        : new InfoTypeAndValue(CMPObjectIdentifiers.id_it_rootCaKeyUpdate);
  }

  /**
   * What this CA expects (RFC 9483 section 4.3.3): a key of the CA's own algorithm and curve;
   * the subject is the requester's to choose.
   */
  private CertReqTemplateContent certRequestTemplate() {
    AlgorithmIdentifier keyAlgorithm = SubjectPublicKeyInfo.getInstance(
        ca.certificate().getPublicKey().getEncoded()).getAlgorithm();
    return new CertReqTemplateContent(new CertTemplateBuilder().build(), new DERSequence(
        new AttributeTypeAndValue(CRMFObjectIdentifiers.id_regCtrl.branch("11"), keyAlgorithm)));
  }

  private static boolean implicitConfirm(PKIHeader header) {
    InfoTypeAndValue[] info = header.getGeneralInfo();
    return info != null && Arrays.stream(info)
        .anyMatch(i -> CMPObjectIdentifiers.it_implicitConfirm.equals(i.getInfoType()));
  }

  private static PKIStatusInfo status(PKIStatus status, String text, int failInfo) {
    if (text == null) {
      return new PKIStatusInfo(status);
    }
    return new PKIStatusInfo(status, new PKIFreeText(text), new PKIFailureInfo(failInfo));
  }

  private static String id(PKIHeader header) {
    return HexFormat.of().formatHex(header.getTransactionID().getOctets());
  }

  private static X500Principal principal(X500Name name) {
    return new X500Principal(der(name));
  }

  private static PublicKey publicKey(SubjectPublicKeyInfo key) throws CmpRefusal {
    try {
      PublicKey publicKey = BouncyCastleProvider.getPublicKey(key);
      if (publicKey == null) {
        throw CmpRefusal.badCertTemplate("unknown key algorithm " + key.getAlgorithm().getAlgorithm());
      }
      return publicKey;
    } catch (IOException e) {
      throw CmpRefusal.badCertTemplate("the public key does not parse: " + e.getMessage());
    }
  }

  private static CMPCertificate cmpCertificate(X509Certificate certificate) {
    try {
      return new CMPCertificate(Certificate.getInstance(certificate.getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a certificate of the test CA does not encode", e);
    }
  }

  private static byte[] der(org.bouncycastle.asn1.ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding failed", e);
    }
  }

}
