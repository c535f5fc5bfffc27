// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.io.CertsOnly;

/** The server side of SCEP's CMS (RFC 8894 section 3): reads pkiMessages, writes CertReps. */
final class ScepMessages {
  private static final ASN1ObjectIdentifier ATTRIBUTES =
      new ASN1ObjectIdentifier("2.16.840.1.113733.1.9");
  private static final ASN1ObjectIdentifier MESSAGE_TYPE = ATTRIBUTES.branch("2");
  private static final ASN1ObjectIdentifier PKI_STATUS = ATTRIBUTES.branch("3");
  private static final ASN1ObjectIdentifier FAIL_INFO = ATTRIBUTES.branch("4");
  private static final ASN1ObjectIdentifier SENDER_NONCE = ATTRIBUTES.branch("5");
  private static final ASN1ObjectIdentifier RECIPIENT_NONCE = ATTRIBUTES.branch("6");
  private static final ASN1ObjectIdentifier TRANSACTION_ID = ATTRIBUTES.branch("7");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ScepMessages() {}

  /** A verified, decrypted request. */
  record Request(String messageType, String transactionId, byte[] senderNonce,
      X509Certificate signerCertificate, byte[] content) {
    CertificationRequest csr() {
      try {
        return CertificationRequest.decode(content);
      } catch (PkiParseException e) {
        throw new IllegalArgumentException("the request does not carry a PKCS#10 request", e);
      }
    }
  }

  /** An answer: SUCCESS with the certificate, FAILURE with a failInfo, or PENDING. */
  record Reply(String status, int failInfo, X509Certificate certificate, X509CRL crl) {
    static Reply success(X509Certificate certificate) {
      return new Reply("0", -1, certificate, null);
    }

    static Reply success(X509CRL crl) {
      return new Reply("0", -1, null, crl);
    }

    static Reply failure(int failInfo) {
      return new Reply("2", failInfo, null, null);
    }

    static Reply pending() {
      return new Reply("3", -1, null, null);
    }

    /** The degenerate SignedData a SUCCESS envelopes: the certificate or the CRL. */
    byte[] payload() throws Exception {
      if (certificate != null) {
        return CertsOnly.encode(List.of(certificate));
      }
      CMSSignedDataGenerator crlsOnly = new CMSSignedDataGenerator();
      crlsOnly.addCRL(new JcaX509CRLHolder(crl));
      return crlsOnly.generate(new CMSAbsentContent(), false).toASN1Structure()
          .getEncoded(ASN1Encoding.DER);
    }
  }

  /** Reads a pkiMessage: its signature must verify with the certificate it carries. */
  static Request read(byte[] message, X509Certificate ra, PrivateKey raKey) {
    Provider bc = bouncyCastle();
    try {
      CMSSignedData signed = new CMSSignedData(message);
      SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
      @SuppressWarnings("unchecked")
      X509CertificateHolder holder = (X509CertificateHolder)
          signed.getCertificates().getMatches(signer.getSID()).iterator().next();
      X509Certificate signerCertificate =
          new JcaX509CertificateConverter().setProvider(bc).getCertificate(holder);
      if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(bc)
          .build(holder))) {
        throw new IllegalArgumentException("the pkiMessage's signature does not verify");
      }
      AttributeTable attributes = signer.getSignedAttributes();
      CMSEnvelopedData enveloped =
          new CMSEnvelopedData((byte[]) signed.getSignedContent().getContent());
      RecipientInformation recipient = enveloped.getRecipientInfos()
          .get(new org.bouncycastle.cms.KeyTransRecipientId(
              new JcaX509CertificateHolder(ra).getIssuer(), ra.getSerialNumber()));
      byte[] content = recipient.getContent(
          new JceKeyTransEnvelopedRecipient(raKey).setProvider(bc));
      return new Request(string(attributes, MESSAGE_TYPE), string(attributes, TRANSACTION_ID),
          ((ASN1OctetString) value(attributes, SENDER_NONCE)).getOctets(), signerCertificate,
          content);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException("not a readable pkiMessage: " + e.getMessage(), e);
    }
  }

  /** A CertRep signed by {@code signer} as {@code ra}; a SUCCESS enveloped to the requester. */
  static byte[] certRep(Reply reply, String transactionId, byte[] recipientNonce,
      X509Certificate requester, X509Certificate ra, KeyPair signer) {
    Provider bc = bouncyCastle();
    try {
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(attribute(TRANSACTION_ID, new DERPrintableString(transactionId)));
      attributes.add(attribute(MESSAGE_TYPE, new DERPrintableString("3")));
      attributes.add(attribute(PKI_STATUS, new DERPrintableString(reply.status())));
      if (reply.failInfo() >= 0) {
        attributes.add(attribute(FAIL_INFO,
            new DERPrintableString(Integer.toString(reply.failInfo()))));
      }
      byte[] nonce = new byte[16];
      RANDOM.nextBytes(nonce);
      attributes.add(attribute(SENDER_NONCE, new DEROctetString(nonce)));
      attributes.add(attribute(RECIPIENT_NONCE, new DEROctetString(recipientNonce)));
      CMSTypedData content = new CMSAbsentContent();
      boolean success = reply.certificate() != null || reply.crl() != null;
      if (success) {
        CMSEnvelopedDataGenerator envelope = new CMSEnvelopedDataGenerator();
        envelope.addRecipientInfoGenerator(
            new JceKeyTransRecipientInfoGenerator(requester).setProvider(bc));
        byte[] enveloped = envelope.generate(
                new CMSProcessableByteArray(reply.payload()),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES128_CBC).setProvider(bc).build())
            .toASN1Structure().getEncoded(ASN1Encoding.DER);
        content = new CMSProcessableByteArray(enveloped);
      }
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      // signatureAlgorithm rsaEncryption, as classic SCEP servers write it: strongSwan's pki
      // accepts nothing else (RFC 5754 allows both it and sha256WithRSAEncryption).
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
              new JcaDigestCalculatorProviderBuilder().setProvider(bc).build(),
              signatureAlgorithm -> new AlgorithmIdentifier(
                  PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE))
          .setSignedAttributeGenerator(
              new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
          .build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(bc)
              .build(signer.getPrivate()), ra));
      generator.addCertificate(new JcaX509CertificateHolder(ra));
      return generator.generate(content, success)
          .toASN1Structure().getEncoded(ASN1Encoding.DER);
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the CertRep: " + e.getMessage(), e);
    }
  }

  /** The serial number of a GetCert request's IssuerAndSerialNumber. */
  static java.math.BigInteger serialOf(byte[] issuerAndSerial) {
    try {
      return org.bouncycastle.asn1.cms.IssuerAndSerialNumber.getInstance(issuerAndSerial)
          .getSerialNumber().getValue();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an IssuerAndSerialNumber", e);
    }
  }

  private static Provider bouncyCastle() {
    return ProviderStrategy.bouncyCastle().provider("Cipher", "AES");
  }

  private static Attribute attribute(ASN1ObjectIdentifier type, ASN1Encodable value) {
    return new Attribute(type, new DERSet(value));
  }

  private static ASN1Encodable value(AttributeTable attributes, ASN1ObjectIdentifier type) {
    Attribute attribute = attributes.get(type);
    if (attribute == null) {
      throw new IllegalArgumentException("the pkiMessage has no attribute " + type);
    }
    return attribute.getAttrValues().getObjectAt(0);
  }

  private static String string(AttributeTable attributes, ASN1ObjectIdentifier type) {
    return ((ASN1String) value(attributes, type)).getString();
  }
}
