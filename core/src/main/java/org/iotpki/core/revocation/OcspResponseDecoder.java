// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.CertStatus;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.ocsp.ResponseData;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.ocsp.SingleResponse;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.internal.Certificates;
import org.iotpki.core.internal.Der;

/**
 * Decodes OCSP responses from untrusted bytes. The DER structure is checked before BouncyCastle
 * parses it, every value is read here (BouncyCastle parses lazily), and every failure becomes a
 * {@link PkiParseException}.
 */
final class OcspResponseDecoder {
  /** More single responses than any responder sends for one request. */
  static final int MAX_SINGLE_RESPONSES = 64;
  /** More certificates than a delegated responder's chain needs. */
  static final int MAX_CERTIFICATES = 8;

  private OcspResponseDecoder() {}

  static OcspResponse decode(byte[] der) throws PkiParseException {
    Der.splitElements(der, 1, 0);
    try {
      OCSPResponse response = OCSPResponse.getInstance(ASN1Primitive.fromByteArray(der));
      int status = response.getResponseStatus().getIntValue();
      if (status != OcspResponse.SUCCESSFUL) {
        return new OcspResponse(status, Optional.empty());
      }
      ResponseBytes bytes = response.getResponseBytes();
      if (bytes == null) {
        throw new PkiParseException("successful OCSP response without responseBytes");
      }
      if (!OCSPObjectIdentifiers.id_pkix_ocsp_basic.equals(bytes.getResponseType())) {
        throw new PkiParseException("OCSP response type " + bytes.getResponseType() + " is not id-pkix-ocsp-basic");
      }
      return new OcspResponse(status, Optional.of(body(bytes.getResponse().getOctets())));
    } catch (IOException | ParseException | RuntimeException e) {
      throw new PkiParseException("malformed OCSP response: " + e.getMessage(), e);
    }
  }

  private static OcspResponse.Body body(byte[] der) throws IOException, ParseException, PkiParseException {
    Der.splitElements(der, 1, 0);
    BasicOCSPResponse basic = BasicOCSPResponse.getInstance(ASN1Primitive.fromByteArray(der));
    ResponseData data = basic.getTbsResponseData();
    ResponderID responder = data.getResponderID();
    return new OcspResponse.Body(
        data.getEncoded(ASN1Encoding.DER),
        basic.getSignatureAlgorithm().getAlgorithm().getId(),
        basic.getSignature().getOctets(),
        Optional.ofNullable(responder.getName()).map(OcspResponseDecoder::principal),
        Optional.ofNullable(responder.getKeyHash()),
        instant(data.getProducedAt()),
        singleResponses(data.getResponses()),
        certificates(basic.getCerts()),
        nonce(data.getResponseExtensions()));
  }

  private static X500Principal principal(ASN1Encodable name) {
    try {
      return new X500Principal(name.toASN1Primitive().getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new IllegalArgumentException("responder name: " + e.getMessage(), e);
    }
  }

  private static List<OcspSingleResponse> singleResponses(ASN1Sequence sequence)
      throws ParseException, PkiParseException {
    if (sequence.size() > MAX_SINGLE_RESPONSES) {
      throw new PkiParseException(sequence.size() + " single responses, more than " + MAX_SINGLE_RESPONSES);
    }
    List<OcspSingleResponse> responses = new ArrayList<>();
    for (ASN1Encodable element : sequence) {
      responses.add(singleResponse(SingleResponse.getInstance(element)));
    }
    return List.copyOf(responses);
  }

  private static OcspSingleResponse singleResponse(SingleResponse single) throws ParseException, PkiParseException {
    CertID id = single.getCertID();
    OcspCertId certId = new OcspCertId(
        id.getHashAlgorithm().getAlgorithm().getId(),
        id.getIssuerNameHash().getOctets(),
        id.getIssuerKeyHash().getOctets(),
        id.getSerialNumber().getValue());
    CertStatus status = single.getCertStatus();
    Optional<Instant> revocationTime = Optional.empty();
    Optional<CRLReason> reason = Optional.empty();
    OcspSingleResponse.Status decoded;
    switch (status.getTagNo()) {
      case 0:
        decoded = OcspSingleResponse.Status.GOOD;
        break;
      case 1:
        decoded = OcspSingleResponse.Status.REVOKED;
        RevokedInfo revoked = RevokedInfo.getInstance(status.getStatus());
        revocationTime = Optional.of(instant(revoked.getRevocationTime()));
        if (revoked.getRevocationReason() != null) {
          reason = Optional.of(reason(revoked.getRevocationReason().getValue()));
        }
        break;
      case 2:
        decoded = OcspSingleResponse.Status.UNKNOWN;
        break;
      default:
        throw new PkiParseException("CertStatus tag " + status.getTagNo());
    }
    return new OcspSingleResponse(
        certId,
        decoded,
        revocationTime,
        reason,
        instant(single.getThisUpdate()),
        single.getNextUpdate() == null ? Optional.empty() : Optional.of(instant(single.getNextUpdate())));
  }

  /** RFC 5280 CRLReason codes 0 to 10 (7 unused) are the JDK enum's ordinals. */
  private static CRLReason reason(BigInteger code) throws PkiParseException {
    CRLReason[] reasons = CRLReason.values();
    if (code.signum() < 0 || code.compareTo(BigInteger.valueOf(reasons.length)) >= 0
        || reasons[code.intValue()] == CRLReason.UNUSED) {
      throw new PkiParseException("CRLReason " + code);
    }
    return reasons[code.intValue()];
  }

  private static List<X509Certificate> certificates(ASN1Sequence sequence) throws IOException, PkiParseException {
    if (sequence == null) {
      return List.of();
    }
    if (sequence.size() > MAX_CERTIFICATES) {
      throw new PkiParseException(sequence.size() + " certificates, more than " + MAX_CERTIFICATES);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (ASN1Encodable element : sequence) {
      certificates.add(Certificates.certificate(element.toASN1Primitive().getEncoded(ASN1Encoding.DER), 0));
    }
    return List.copyOf(certificates);
  }

  private static Optional<byte[]> nonce(Extensions extensions) {
    if (extensions == null) {
      return Optional.empty();
    }
    Extension nonce = extensions.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    return nonce == null ? Optional.empty() : Optional.of(nonce.getExtnValue().getOctets());
  }

  private static Instant instant(ASN1GeneralizedTime time) throws ParseException {
    return time.getDate().toInstant();
  }
}
