// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.c509;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cbor.c509.C509ConversionOptions;
import org.bouncycastle.cert.c509.C509CertificationRequestHolder;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;

/**
 * A C509 certification request (draft-ietf-cose-cbor-encoded-cert-20, section 4): a PKCS #10
 * request in CBOR, natively signed (type 2, from {@code CsrBuilder.signC509}) or re-encoded
 * byte-exactly from PKCS #10 (type 3).
 */
public final class C509CertificationRequest {
  private final byte[] encoded;
  private final org.bouncycastle.cbor.c509.C509CertificationRequest request;
  private final C509Type type;
  private final CertificationRequest pkcs10;

  private C509CertificationRequest(
      byte[] encoded,
      org.bouncycastle.cbor.c509.C509CertificationRequest request,
      C509Type type,
      CertificationRequest pkcs10) {
    this.encoded = encoded;
    this.request = request;
    this.type = type;
    this.pkcs10 = pkcs10;
  }

  /**
   * Decodes a C509 certification request.
   *
   * @throws C509FormatException for anything that is not a well-formed type 2 or 3 request
   */
  public static C509CertificationRequest decode(byte[] cbor) throws C509FormatException {
    Objects.requireNonNull(cbor, "cbor");
    C509Support.checkSize(cbor, "C509 request");
    org.bouncycastle.cbor.c509.C509CertificationRequest parsed =
        C509Support.decode(
            () -> org.bouncycastle.cbor.c509.C509CertificationRequest.getInstance(cbor), "C509 request");
    C509Support.checkCanonical(cbor, parsed::getEncoded, "C509 request");
    C509Type type = C509Type.of(parsed.getRequestType());
    CertificationRequest pkcs10 = null;
    if (type == C509Type.REENCODED) {
      try {
        pkcs10 = CertificationRequest.decode(parsed.toCertificationRequest().getEncoded(ASN1Encoding.DER));
      } catch (IOException | PkiParseException | RuntimeException e) {
        throw new C509FormatException("type 3 C509 request does not rebuild a valid PKCS #10 request", e);
      }
    }
    return new C509CertificationRequest(cbor.clone(), parsed, type, pkcs10);
  }

  /**
   * Re-encodes a PKCS #10 request as a type 3 C509 request.
   *
   * @throws C509ConversionException if C509 cannot represent it byte for byte
   */
  public static C509CertificationRequest encode(CertificationRequest request) throws C509ConversionException {
    Objects.requireNonNull(request, "request");
    byte[] der = request.encoded();
    C509CertificationRequest encoded;
    try {
      encoded =
          decode(
              org.bouncycastle.cbor.c509.C509CertificationRequest.fromCertificationRequest(
                      org.bouncycastle.asn1.pkcs.CertificationRequest.getInstance(der), C509ConversionOptions.DEFAULT)
                  .getEncoded());
    } catch (IOException | C509FormatException | RuntimeException e) {
      throw new C509ConversionException("C509 cannot represent this request: " + e.getMessage(), e);
    }
    if (!Arrays.equals(encoded.pkcs10.encoded(), der)) {
      throw new C509ConversionException(
          "C509 cannot re-encode this request byte for byte, so its signature would not verify");
    }
    return encoded;
  }

  /**
   * The PKCS #10 request a type 3 C509 request re-encodes, identical to the original DER.
   *
   * @throws C509ConversionException for a natively signed (type 2) request, which has none
   */
  public CertificationRequest toCertificationRequest() throws C509ConversionException {
    if (type != C509Type.REENCODED) {
      throw new C509ConversionException(
          "a natively signed C509 request (type 2) has no PKCS #10 form: its signature covers the CBOR");
    }
    return pkcs10;
  }

  /** Whether the request is signed by the key it asks to certify (proof of possession). */
  public SignatureResult verifySignature() throws C509FormatException {
    if (type == C509Type.REENCODED) {
      return SignatureVerifier.bouncyCastle().verify(pkcs10);
    }
    return C509Support.verifyNative(
        request.getSubjectSignatureAlgorithm().toX509AlgorithmIdentifier().getAlgorithm().getId(),
        publicKey(ProviderStrategy.bouncyCastle()),
        new C509CertificationRequestHolder(request)::isSignatureValid);
  }

  /** The CBOR encoding. */
  public byte[] encoded() {
    return encoded.clone();
  }

  /** The size of the CBOR encoding in bytes. */
  public int size() {
    return encoded.length;
  }

  /** Native (type 2) or re-encoded PKCS #10 (type 3). */
  public C509Type type() {
    return type;
  }

  /** The subject the request asks for. */
  public X500Principal subject() {
    return C509Support.principal(request.getSubject());
  }

  /** The public key to certify, made with the provider the strategy picks. */
  public PublicKey publicKey(ProviderStrategy providers) throws C509FormatException {
    return C509Support.publicKey(request.getSubjectPublicKeyInfo(), providers);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof C509CertificationRequest
        && Arrays.equals(((C509CertificationRequest) other).encoded, encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "C509CertificationRequest[" + type + ", " + subject().getName() + ", " + encoded.length + " bytes]";
  }
}
