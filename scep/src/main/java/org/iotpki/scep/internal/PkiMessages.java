// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.internal.Asn1;
import org.iotpki.core.internal.SignerAdapter;

/**
 * Builds SCEP pkiMessages (RFC 8894 section 3): the inner message enveloped (EnvelopedData) to the
 * CA or RA, then signed (SignedData over id-data) with the SCEP attributes, all in DER, as strict
 * servers verify the message digest over the DER of the content.
 */
public final class PkiMessages {
  private PkiMessages() {}

  /** The fields of one request. */
  public record Request(
      MessageType type,
      byte[] content,
      String transactionId,
      byte[] senderNonce,
      Signer signer,
      X509Certificate signerCertificate,
      X509Certificate recipient,
      boolean aes) {}

  /** The DER pkiMessage of {@code request}. */
  public static byte[] build(Request request) throws GeneralSecurityException {
    Provider bc = ProviderStrategy.bouncyCastle().provider("Cipher", "AES");
    try {
      CMSEnvelopedDataGenerator envelope = new CMSEnvelopedDataGenerator();
      envelope.addRecipientInfoGenerator(
          new JceKeyTransRecipientInfoGenerator(request.recipient()).setProvider(bc));
      byte[] enveloped = envelope.generate(
              new CMSProcessableByteArray(request.content()),
              new JceCMSContentEncryptorBuilder(
                      request.aes() ? CMSAlgorithm.AES128_CBC : CMSAlgorithm.DES_EDE3_CBC)
                  .setProvider(bc)
                  .build())
          .toASN1Structure()
          .getEncoded(ASN1Encoding.DER);

      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(attribute(ScepOids.TRANSACTION_ID, new DERPrintableString(request.transactionId())));
      attributes.add(attribute(ScepOids.MESSAGE_TYPE, new DERPrintableString(request.type().value())));
      attributes.add(attribute(ScepOids.SENDER_NONCE, new DEROctetString(request.senderNonce())));
      CMSSignedDataGenerator signed = new CMSSignedDataGenerator();
      signed.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder().setProvider(bc).build())
              .setSignedAttributeGenerator(
                  new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
              .build(new SignerAdapter(request.signer()), request.signerCertificate()));
      signed.addCertificate(new JcaX509CertificateHolder(request.signerCertificate()));
      return signed.generate(new CMSProcessableByteArray(enveloped), true)
          .toASN1Structure()
          .getEncoded(ASN1Encoding.DER);
    } catch (RuntimeOperatorException e) {
      throw SignerAdapter.signingFailure(e);
    } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
      throw new GeneralSecurityException("cannot build the SCEP message: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("a CMS structure built here does not encode", e);
    }
  }

  /** IssuerAndSubject (RFC 8894 section 3.3.3): what CertPoll asks about. */
  public static byte[] issuerAndSubject(X509Certificate issuer, javax.security.auth.x500.X500Principal subject) {
    return Asn1.der(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
        X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
        X500Name.getInstance(subject.getEncoded())}));
  }

  /** IssuerAndSerialNumber (GetCert, RFC 8894 section 3.3.4). */
  public static byte[] issuerAndSerial(javax.security.auth.x500.X500Principal issuer,
      java.math.BigInteger serial) {
    return Asn1.der(new IssuerAndSerialNumber(X500Name.getInstance(issuer.getEncoded()), serial));
  }

  private static Attribute attribute(
      org.bouncycastle.asn1.ASN1ObjectIdentifier type, org.bouncycastle.asn1.ASN1Encodable value) {
    return new Attribute(type, new DERSet(value));
  }

}
