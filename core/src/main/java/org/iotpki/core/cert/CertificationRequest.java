// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.internal.Der;
import org.iotpki.core.internal.Keys;

/**
 * A PKCS#10 certification request (RFC 2986), decoded. The JDK has no type for it.
 *
 * <p>Decoding does not verify the request's signature: use {@code SignatureVerifier} for that.
 */
public final class CertificationRequest {
  private final byte[] encoded;
  private final X500Principal subject;
  private final PublicKey publicKey;
  private final String signatureAlgorithmOid;
  private final byte[] signatureAlgorithmParameters;
  private final byte[] signedContent;
  private final byte[] signature;
  private final List<CertificateExtension> requestedExtensions;
  private final char[] challengePassword;

  private CertificationRequest(PKCS10CertificationRequest request, PublicKey publicKey)
      throws java.io.IOException {
    this.encoded = request.getEncoded();
    this.subject = new X500Principal(request.getSubject().getEncoded());
    this.publicKey = publicKey;
    this.signatureAlgorithmOid = request.getSignatureAlgorithm().getAlgorithm().getId();
    ASN1Encodable parameters = request.getSignatureAlgorithm().getParameters();
    this.signatureAlgorithmParameters = parameters == null ? null : parameters.toASN1Primitive().getEncoded();
    this.signedContent = request.toASN1Structure().getCertificationRequestInfo().getEncoded();
    this.signature = request.getSignature();
    this.requestedExtensions = extensions(request);
    this.challengePassword = challengePassword(request);
  }

  /** Decodes the DER of a request, making its public key with BouncyCastle. */
  public static CertificationRequest decode(byte[] der) throws PkiParseException {
    return decode(der, ProviderStrategy.bouncyCastle());
  }

  /** Decodes the DER of a request, making its public key with the provider the strategy picks. */
  public static CertificationRequest decode(byte[] der, ProviderStrategy providers)
      throws PkiParseException {
    Objects.requireNonNull(der, "der");
    Objects.requireNonNull(providers, "providers");
    if (!Der.isSingleElement(der)) {
      Der.splitElements(der, 1, 0); // throws with the precise structural problem
    }
    PKCS10CertificationRequest request;
    try {
      request = new PKCS10CertificationRequest(der);
    } catch (java.io.IOException | RuntimeException e) {
      throw new PkiParseException("malformed certification request", 0, e);
    }
    try {
      PublicKey key =
          Keys.publicKey(request.getSubjectPublicKeyInfo().getEncoded(), providers, 0);
      return new CertificationRequest(request, key);
    } catch (java.io.IOException | RuntimeException e) {
      throw new PkiParseException("malformed certification request", 0, e);
    }
  }

  /** The DER encoding. */
  public byte[] encoded() {
    return encoded.clone();
  }

  /** The subject the request asks for. */
  public X500Principal subject() {
    return subject;
  }

  /** The public key to certify. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The OID of the algorithm the request is signed with. */
  public String signatureAlgorithmOid() {
    return signatureAlgorithmOid;
  }

  /** The DER of the signature algorithm's parameters, if it has any. */
  public java.util.Optional<byte[]> signatureAlgorithmParameters() {
    return java.util.Optional.ofNullable(signatureAlgorithmParameters).map(byte[]::clone);
  }

  /** The DER of CertificationRequestInfo: the bytes the signature covers. */
  public byte[] signedContent() {
    return signedContent.clone();
  }

  /** The signature value. */
  public byte[] signature() {
    return signature.clone();
  }

  /** The extensions requested in a PKCS#9 extensionRequest attribute, in order. */
  public List<CertificateExtension> requestedExtensions() {
    return requestedExtensions;
  }

  /** The PKCS#9 challengePassword attribute (SCEP, some EST servers), if the request has one. */
  public java.util.Optional<char[]> challengePassword() {
    return java.util.Optional.ofNullable(challengePassword).map(char[]::clone);
  }

  private static char[] challengePassword(PKCS10CertificationRequest request) {
    Attribute[] attributes =
        request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_challengePassword);
    if (attributes.length == 0 || attributes[0].getAttributeValues().length == 0) {
      return null;
    }
    ASN1Encodable value = attributes[0].getAttributeValues()[0];
    // DirectoryString: PrintableString, UTF8String, ... (RFC 2985 section 5.4.1).
    if (!(value instanceof org.bouncycastle.asn1.ASN1String text)) {
      throw new IllegalArgumentException("challengePassword is not a string");
    }
    return text.getString().toCharArray();
  }

  private static List<CertificateExtension> extensions(PKCS10CertificationRequest request) {
    List<CertificateExtension> result = new ArrayList<>();
    for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
      for (ASN1Encodable value : attribute.getAttributeValues()) {
        Extensions extensions = Extensions.getInstance(value);
        for (var oid : extensions.getExtensionOIDs()) {
          Extension extension = extensions.getExtension(oid);
          result.add(
              new CertificateExtension(
                  oid.getId(), extension.isCritical(), extension.getExtnValue().getOctets()));
        }
      }
    }
    return Collections.unmodifiableList(result);
  }

  @Override
  public String toString() {
    return "CertificationRequest[" + subject.getName() + "]";
  }
}
