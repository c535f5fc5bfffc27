// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.CertConfirmContent;
import org.bouncycastle.asn1.cmp.CertStatus;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cmp.PollReqContent;
import org.bouncycastle.asn1.cmp.RevDetails;
import org.bouncycastle.asn1.cmp.RevReqContent;
import org.bouncycastle.asn1.crmf.CertId;
import org.bouncycastle.asn1.crmf.CertTemplateBuilder;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.cmp.CMPException;
import org.bouncycastle.cert.cmp.CertificateConfirmationContentBuilder;
import org.bouncycastle.cert.crmf.CRMFException;
import org.bouncycastle.cert.crmf.CertificateReqMessagesBuilder;
import org.bouncycastle.cert.crmf.CertificateRequestMessageBuilder;
import org.bouncycastle.cert.crmf.OldCertIDControl;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.internal.GeneralNames;
import org.iotpki.core.internal.SignerAdapter;

/** The request bodies of CMP (RFC 4210 section 5.3, RFC 9483 section 4). */
public final class CmpBodies {
  /** The one certificate request of a message is number 0 (RFC 9483 section 4.1.1). */
  public static final BigInteger CERT_REQ_ID = BigInteger.ZERO;

  private CmpBodies() {}

  /**
   * An ir, cr or kur: a CRMF request for the signer's key with the request's subject, names and
   * extensions, and proof of possession by the key's signature.
   *
   * @param oldCertificate the certificate a kur replaces, else null
   */
  public static PKIBody certificateRequest(int type, EnrollmentRequest request, Signer signer,
      X509Certificate oldCertificate) throws GeneralSecurityException {
    try {
      CertificateRequestMessageBuilder builder = new CertificateRequestMessageBuilder(CERT_REQ_ID);
      builder.setSubject(X500Name.getInstance(request.subject().getEncoded()));
      builder.setPublicKey(SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded()));
      if (!request.subjectAltNames().isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            GeneralNames.toBc(request.subjectAltNames()));
      }
      for (CertificateExtension extension : request.extensions()) {
        builder.addExtension(new ASN1ObjectIdentifier(extension.oid()), extension.critical(),
            org.bouncycastle.asn1.ASN1Primitive.fromByteArray(extension.value()));
      }
      if (oldCertificate != null) {
        builder.addControl(new OldCertIDControl(new CertId(
            new GeneralName(X500Name.getInstance(
                oldCertificate.getIssuerX500Principal().getEncoded())),
            oldCertificate.getSerialNumber())));
      }
      builder.setProofOfPossessionSigningKeySigner(new SignerAdapter(signer));
      CertificateReqMessagesBuilder messages = new CertificateReqMessagesBuilder();
      messages.addRequest(builder.build());
      return new PKIBody(type, messages.build().toASN1Structure());
    } catch (RuntimeOperatorException e) {
      throw SignerAdapter.signingFailure(e);
    } catch (CRMFException | java.io.IOException e) {
      throw new GeneralSecurityException("cannot build the CRMF request: " + e.getMessage(), e);
    }
  }

  /** A p10cr: the PKCS#10 request as it is. */
  public static PKIBody p10(CertificationRequest csr) {
    return new PKIBody(PKIBody.TYPE_P10_CERT_REQ,
        org.bouncycastle.asn1.pkcs.CertificationRequest.getInstance(csr.encoded()));
  }

  /**
   * certConf accepting the certificate (its hash with the certificate's own hash algorithm), for
   * the certReqId the answer gave it (-1 for a p10cr).
   */
  public static PKIBody accept(X509Certificate certificate, BigInteger certReqId)
      throws GeneralSecurityException {
    try {
      return new PKIBody(PKIBody.TYPE_CERT_CONFIRM,
          new CertificateConfirmationContentBuilder()
              .addAcceptedCertificate(new JcaX509CertificateHolder(certificate), certReqId)
              .build(new JcaDigestCalculatorProviderBuilder()
                  .setProvider(ProviderStrategy.bouncyCastle().provider("MessageDigest", "SHA-256"))
                  .build())
              .toASN1Structure());
    } catch (CMPException | CertificateEncodingException
        | org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException("cannot hash the certificate: " + e.getMessage(), e);
    }
  }

  /** certConf refusing a certificate that is not what was asked for. */
  public static PKIBody reject(X509Certificate certificate, BigInteger certReqId, String why)
      throws GeneralSecurityException {
    byte[] hash = CertStatus.getInstance(CertConfirmContent.getInstance(
        accept(certificate, certReqId).getContent()).toCertStatusArray()[0]).getCertHash()
        .getOctets();
    CertStatus status = new CertStatus(hash, certReqId, new PKIStatusInfo(PKIStatus.rejection,
        new PKIFreeText(why), new PKIFailureInfo(PKIFailureInfo.badCertTemplate)));
    return new PKIBody(PKIBody.TYPE_CERT_CONFIRM,
        CertConfirmContent.getInstance(new DERSequence(status)));
  }

  /** pollReq for the transaction's certificate request. */
  public static PKIBody pollRequest(BigInteger certReqId) {
    return new PKIBody(PKIBody.TYPE_POLL_REQ, new PollReqContent(new ASN1Integer(certReqId)));
  }

  /** rr for a certificate, with a CRL reason code (RFC 5280 section 5.3.1). */
  public static PKIBody revocation(X509Certificate certificate, int reason) {
    try {
      Extensions extensions = new Extensions(new Extension(Extension.reasonCode, false,
          CRLReason.lookup(reason).getEncoded()));
      return new PKIBody(PKIBody.TYPE_REVOCATION_REQ, new RevReqContent(new RevDetails(
          new CertTemplateBuilder()
              .setIssuer(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))
              .setSerialNumber(new ASN1Integer(certificate.getSerialNumber()))
              .build(),
          extensions)));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a CRL reason does not encode", e);
    }
  }

}
