// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep.internal;

import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.io.CertsOnly;

/**
 * A SCEP CertRep (RFC 8894 section 3.3.2), read strictly: one signer, which must be the CA or an
 * RA and whose signature must verify; messageType CertRep; the transaction ID and recipient nonce
 * of the request it answers. A SUCCESS carries the issued certificates, or a GetCRL's CRL,
 * enveloped to the requester.
 *
 * @param status the pkiStatus
 * @param failInfo the failInfo of a FAILURE (-1 when absent)
 * @param failInfoText the failInfoText, if the server sent one
 * @param certificates the certificates of a SUCCESS (empty otherwise)
 * @param crls the CRLs of a SUCCESS (empty otherwise)
 */
public record CertRep(Status status, int failInfo, Optional<String> failInfoText,
    List<X509Certificate> certificates, List<X509CRL> crls) {
  /** The most CRLs a CertRep may carry: GetCRL asks for one. */
  private static final int MAX_CRLS = 16;


  /** pkiStatus values. */
  public enum Status {
    SUCCESS, FAILURE, PENDING
  }

  /** What the response must match. */
  public record Expected(String transactionId, byte[] senderNonce,
      Collection<X509Certificate> signers, PrivateKey requesterKey,
      X509Certificate requesterCertificate) {}

  /**
   * Reads and checks a CertRep.
   *
   * @throws PkiParseException for anything that is not a well-formed CertRep answering the request
   */
  public static CertRep read(byte[] message, Expected expected) throws PkiParseException {
    try {
      CMSSignedData signed = new CMSSignedData(message);
      Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        throw new PkiParseException("a CertRep has one signer, not " + signers.size());
      }
      SignerInformation signer = signers.iterator().next();
      X509Certificate signerCertificate = expected.signers().stream()
          .filter(c -> signer.getSID().match(holder(c)))
          .findFirst()
          .orElseThrow(() -> new PkiParseException(
              "the CertRep is not signed by the CA or its RA"));
      Provider bc = ProviderStrategy.bouncyCastle().provider("Signature", "SHA256withRSA");
      if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(bc)
          .build(signerCertificate))) {
        throw new PkiParseException("the CertRep's signature does not verify");
      }
      AttributeTable attributes = signer.getSignedAttributes();
      if (attributes == null) {
        throw new PkiParseException("the CertRep has no authenticated attributes");
      }
      require(string(attributes, ScepOids.MESSAGE_TYPE).equals(MessageType.CERT_REP.value()),
          "messageType is not CertRep (3)");
      require(string(attributes, ScepOids.TRANSACTION_ID).equals(expected.transactionId()),
          "the transactionID is not the request's");
      require(MessageDigest.isEqual(octets(attributes, ScepOids.RECIPIENT_NONCE), expected.senderNonce()),
          "the recipientNonce is not the request's senderNonce");
      Status status = status(string(attributes, ScepOids.PKI_STATUS));
      if (status == Status.FAILURE) {
        int failInfo = optionalString(attributes, ScepOids.FAIL_INFO).map(CertRep::number)
            .orElse(-1);
        return new CertRep(status, failInfo,
            optionalString(attributes, ScepOids.FAIL_INFO_TEXT), List.of(), List.of());
      }
      if (status == Status.PENDING) {
        return new CertRep(status, -1, Optional.empty(), List.of(), List.of());
      }
      byte[] content = (byte[]) signed.getSignedContent().getContent();
      byte[] degenerate = decrypt(content, expected, bc);
      return new CertRep(status, -1, Optional.empty(), CertsOnly.decode(degenerate),
          crls(degenerate, bc));
    } catch (PkiParseException e) {
      throw e;
    } catch (Exception e) {
      // BC's CMS code throws many runtime types on malformed input.
      throw new PkiParseException("malformed CertRep: " + e.getMessage(), e);
    }
  }

  /** The CRLs of a degenerate SignedData. */
  private static List<X509CRL> crls(byte[] degenerate, Provider bc) throws Exception {
    Collection<X509CRLHolder> holders = new CMSSignedData(degenerate).getCRLs().getMatches(null);
    require(holders.size() <= MAX_CRLS, "more than " + MAX_CRLS + " CRLs");
    List<X509CRL> crls = new java.util.ArrayList<>();
    for (X509CRLHolder holder : holders) {
      crls.add(new JcaX509CRLConverter().setProvider(bc).getCRL(holder));
    }
    return List.copyOf(crls);
  }

  /** The degenerate SignedData enveloped to the requester. */
  private static byte[] decrypt(byte[] content, Expected expected, Provider bc)
      throws Exception {
    CMSEnvelopedData enveloped = new CMSEnvelopedData(content);
    RecipientInformation recipient = enveloped.getRecipientInfos().getRecipients().stream()
        .filter(r -> r.getRID().match(holder(expected.requesterCertificate())))
        .findFirst()
        .orElseThrow(() -> new PkiParseException("the certificates are not encrypted to us"));
    return recipient.getContent(
        new JceKeyTransEnvelopedRecipient(expected.requesterKey()).setProvider(bc));
  }

  private static JcaX509CertificateHolder holder(X509Certificate certificate) {
    try {
      return new JcaX509CertificateHolder(certificate);
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalArgumentException("a certificate without an encoding", e);
    }
  }

  private static Status status(String value) throws PkiParseException {
    switch (value) {
      case "0":
        return Status.SUCCESS;
      case "2":
        return Status.FAILURE;
      case "3":
        return Status.PENDING;
      default:
        throw new PkiParseException("unknown pkiStatus " + value);
    }
  }

  private static int number(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void require(boolean condition, String problem) throws PkiParseException {
    if (!condition) {
      throw new PkiParseException(problem);
    }
  }

  private static ASN1Encodable value(AttributeTable attributes, ASN1ObjectIdentifier type)
      throws PkiParseException {
    Attribute attribute = attributes.get(type);
    if (attribute == null || attribute.getAttrValues().size() != 1) {
      throw new PkiParseException("missing or repeated attribute " + type);
    }
    return attribute.getAttrValues().getObjectAt(0);
  }

  private static String string(AttributeTable attributes, ASN1ObjectIdentifier type)
      throws PkiParseException {
    ASN1Encodable value = value(attributes, type);
    if (!(value instanceof ASN1String text)) {
      throw new PkiParseException("attribute " + type + " is not a string");
    }
    return text.getString();
  }

  private static Optional<String> optionalString(AttributeTable attributes,
      ASN1ObjectIdentifier type) throws PkiParseException {
    return attributes.get(type) == null ? Optional.empty()
        : Optional.of(string(attributes, type));
  }

  private static byte[] octets(AttributeTable attributes, ASN1ObjectIdentifier type)
      throws PkiParseException {
    ASN1Encodable value = value(attributes, type);
    if (!(value instanceof ASN1OctetString octets)) {
      throw new PkiParseException("attribute " + type + " is not an OCTET STRING");
    }
    return octets.getOctets();
  }

}
