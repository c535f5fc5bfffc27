// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.io;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.x509.Certificate;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.internal.Asn1;
import org.iotpki.core.internal.Certificates;

/**
 * The "certs-only" CMS/PKCS#7 message (RFC 5751 section 3.8, RFC 8894, RFC 7030): a SignedData
 * without signers that only carries certificates, as EST and SCEP servers return them.
 */
public final class CertsOnly {
  /** The most certificates one message may carry; real CA chains hold a handful. */
  public static final int MAX_CERTIFICATES = 1_000;

  private CertsOnly() {}

  /**
   * The certificates of a certs-only message, in the order the message lists them (which DER
   * does not make meaningful). BER, as some servers send it, is read as well as DER.
   *
   * @throws PkiParseException if {@code encoded} is not a SignedData, or a certificate in it is
   *     malformed
   */
  public static List<X509Certificate> decode(byte[] encoded) throws PkiParseException {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length == 0) {
      throw new PkiParseException("empty PKCS#7 message");
    }
    SignedData signedData = signedData(encoded);
    ASN1Set certificates = signedData.getCertificates();
    if (certificates == null) {
      return List.of();
    }
    if (certificates.size() > MAX_CERTIFICATES) {
      throw new PkiParseException("more than " + MAX_CERTIFICATES + " certificates");
    }
    List<X509Certificate> result = new ArrayList<>(certificates.size());
    for (ASN1Encodable choice : certificates) {
      // CertificateChoices: only plain certificates (a SEQUENCE); attribute and other
      // certificates are tagged.
      if (!(choice.toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1Sequence)) {
        throw new PkiParseException("a certificate of another format than X.509 in the message");
      }
      result.add(
          Certificates.certificate(Asn1.der(choice), PkiParseException.UNKNOWN_OFFSET));
    }
    return List.copyOf(result);
  }

  /**
   * A DER certs-only message carrying {@code certificates}. DER sorts a SET OF by encoding, so the
   * order is not kept: readers find the leaf by its key, not its position.
   */
  public static byte[] encode(List<X509Certificate> certificates) {
    ASN1EncodableVector set = new ASN1EncodableVector();
    for (X509Certificate certificate : certificates) {
      try {
        set.add(Certificate.getInstance(certificate.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("a certificate without an encoding", e);
      }
    }
    SignedData signedData =
        new SignedData(
            new DERSet(),
            new ContentInfo(CMSObjectIdentifiers.data, null),
            new DERSet(set),
            null,
            new DERSet());
    return Asn1.der(new ContentInfo(CMSObjectIdentifiers.signedData, signedData));
  }

  private static SignedData signedData(byte[] encoded) throws PkiParseException {
    try (ASN1InputStream in = new ASN1InputStream(encoded)) {
      ASN1Primitive primitive = in.readObject();
      if (primitive == null || in.available() > 0) {
        throw new PkiParseException("not one PKCS#7 message: trailing or missing bytes");
      }
      ContentInfo contentInfo = ContentInfo.getInstance(primitive);
      if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
        throw new PkiParseException(
            "PKCS#7 content is " + contentInfo.getContentType() + ", not signedData");
      }
      return SignedData.getInstance(contentInfo.getContent());
    } catch (IOException | RuntimeException e) {
      throw new PkiParseException("malformed PKCS#7 message: " + e.getMessage(), e);
    }
  }
}
