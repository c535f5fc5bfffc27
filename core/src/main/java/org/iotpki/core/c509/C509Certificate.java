// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.c509;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cbor.c509.C509ConversionOptions;
import org.bouncycastle.cert.c509.C509CertificateHolder;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.internal.Certificates;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;

/**
 * A C509 certificate (draft-ietf-cose-cbor-encoded-cert-20): an X.509 certificate in CBOR at
 * about half the size.
 *
 * <p>Type 3 ({@link C509Type#REENCODED}) re-encodes an X.509 certificate so that the exact DER
 * can be rebuilt and the original signature still verifies: {@link #encode(X509Certificate)} only
 * returns one after checking that the round trip gives back the same bytes. Type 2 ({@link
 * C509Type#NATIVE}) is signed over its CBOR form; {@code CertificateBuilder.signC509} issues them.
 *
 * <p>The CBOR work is BouncyCastle's (its {@code cbor.c509} package); this class adds the
 * byte-exactness guarantee, bounded typed decoding, and JDK types. Instances are immutable.
 */
public final class C509Certificate {
  /** The largest C509 certificate accepted by {@link #decode(byte[])}: 1 MiB. */
  public static final int MAX_ENCODED_BYTES = C509Support.MAX_ENCODED_BYTES;

  private final byte[] encoded;
  private final org.bouncycastle.cbor.c509.C509Certificate certificate;
  private final C509Type type;
  private final X509Certificate x509;
  private final List<CertificateExtension> extensions;

  private C509Certificate(
      byte[] encoded,
      org.bouncycastle.cbor.c509.C509Certificate certificate,
      C509Type type,
      X509Certificate x509,
      List<CertificateExtension> extensions) {
    this.encoded = encoded;
    this.certificate = certificate;
    this.type = type;
    this.x509 = x509;
    this.extensions = extensions;
  }

  /**
   * Decodes a C509 certificate (the CBOR array of 11 items).
   *
   * @throws C509FormatException for anything that is not a well-formed type 2 or 3 certificate
   */
  public static C509Certificate decode(byte[] cbor) throws C509FormatException {
    Objects.requireNonNull(cbor, "cbor");
    C509Support.checkSize(cbor, "C509 certificate");
    org.bouncycastle.cbor.c509.C509Certificate parsed =
        C509Support.decode(() -> org.bouncycastle.cbor.c509.C509Certificate.getInstance(cbor), "C509 certificate");
    C509Support.checkCanonical(cbor, parsed::getEncoded, "C509 certificate");
    C509Type type = C509Type.of(parsed.getCertificateType());
    X509Certificate x509 = null;
    if (type == C509Type.REENCODED) {
      try {
        x509 = Certificates.certificate(parsed.toX509Certificate().getEncoded(ASN1Encoding.DER), 0);
      } catch (IOException | PkiParseException | RuntimeException e) {
        throw new C509FormatException("type 3 C509 certificate does not rebuild a valid X.509 certificate", e);
      }
    }
    List<CertificateExtension> extensions;
    try {
      extensions = extensions(parsed);
    } catch (RuntimeException e) {
      throw new C509FormatException("malformed C509 extension: " + e.getMessage(), e);
    }
    return new C509Certificate(cbor.clone(), parsed, type, x509, extensions);
  }

  /**
   * Re-encodes an X.509 certificate as C509 type 3, compressing EC points (the draft's default).
   *
   * @throws C509ConversionException if C509 cannot represent it, or not byte for byte
   */
  public static C509Certificate encode(X509Certificate certificate) throws C509ConversionException {
    return encode(certificate, C509ConversionOptions.DEFAULT);
  }

  /** As {@link #encode(X509Certificate)}, keeping EC public keys uncompressed. */
  public static C509Certificate encodeWithoutPointCompression(X509Certificate certificate)
      throws C509ConversionException {
    return encode(certificate, C509ConversionOptions.DEFAULT.withPointCompression(false));
  }

  private static C509Certificate encode(X509Certificate certificate, C509ConversionOptions options)
      throws C509ConversionException {
    Objects.requireNonNull(certificate, "certificate");
    byte[] der = der(certificate);
    byte[] cbor;
    try {
      cbor =
          org.bouncycastle.cbor.c509.C509Certificate.fromX509Certificate(
                  org.bouncycastle.asn1.x509.Certificate.getInstance(der), options)
              .getEncoded();
    } catch (IOException | RuntimeException e) {
      throw new C509ConversionException("C509 cannot represent this certificate: " + e.getMessage(), e);
    }
    C509Certificate encoded;
    try {
      encoded = decode(cbor);
    } catch (C509FormatException e) {
      throw new C509ConversionException("the C509 encoding of this certificate does not decode", e);
    }
    if (encoded.x509 == null || !Arrays.equals(der(encoded.x509), der)) {
      throw new C509ConversionException(
          "C509 cannot re-encode this certificate byte for byte (a field has a form C509 does not"
              + " keep, e.g. a non-default string type or non-DER encoding), so its signature would"
              + " not verify");
    }
    return encoded;
  }

  /**
   * The X.509 certificate a type 3 certificate re-encodes, identical to the original DER.
   *
   * @throws C509ConversionException for a natively signed (type 2) certificate, which has none
   */
  public X509Certificate toX509Certificate() throws C509ConversionException {
    if (type != C509Type.REENCODED) {
      throw new C509ConversionException(
          "a natively signed C509 certificate (type 2) has no X.509 form: its signature covers the CBOR");
    }
    return x509;
  }

  /**
   * Whether {@code issuerKey} verifies this certificate's signature: over the rebuilt DER for type
   * 3, over the CBOR for type 2.
   */
  public SignatureResult verifySignature(PublicKey issuerKey) {
    Objects.requireNonNull(issuerKey, "issuerKey");
    if (type == C509Type.REENCODED) {
      return SignatureVerifier.bouncyCastle().verify(x509, issuerKey);
    }
    return C509Support.verifyNative(
        signatureAlgorithmOid(), issuerKey, new C509CertificateHolder(certificate)::isSignatureValid);
  }

  /** The CBOR encoding. */
  public byte[] encoded() {
    return encoded.clone();
  }

  /** The size of the CBOR encoding in bytes. */
  public int size() {
    return encoded.length;
  }

  /** Native (type 2) or re-encoded X.509 (type 3). */
  public C509Type type() {
    return type;
  }

  /** The serial number. */
  public BigInteger serialNumber() {
    return certificate.getSerialNumber();
  }

  /** The subject. */
  public X500Principal subject() {
    return C509Support.principal(certificate.getSubject());
  }

  /** The issuer (C509 omits it when it equals the subject; this returns the subject then). */
  public X500Principal issuer() {
    X500Name issuer = certificate.getIssuer();
    return issuer == null ? subject() : C509Support.principal(issuer);
  }

  /** Start of validity. */
  public Instant notBefore() {
    return Instant.ofEpochSecond(certificate.getNotBefore());
  }

  /** End of validity; empty for "no well-defined expiration date" (X.509's 99991231235959Z). */
  public Optional<Instant> notAfter() {
    long notAfter = certificate.getNotAfter();
    return notAfter == org.bouncycastle.cbor.c509.C509Certificate.NO_EXPIRATION_DATE
        ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(notAfter));
  }

  /** The OID of the issuer's signature algorithm. */
  public String signatureAlgorithmOid() {
    return certificate.getIssuerSignatureAlgorithm().toX509AlgorithmIdentifier().getAlgorithm().getId();
  }

  /** The subject's public key, made with the provider the strategy picks. */
  public PublicKey publicKey(ProviderStrategy providers) throws C509FormatException {
    return C509Support.publicKey(certificate.getSubjectPublicKeyInfo(), providers);
  }

  /** The extensions, as X.509 would carry them. */
  public List<CertificateExtension> extensions() {
    return extensions;
  }

  private static List<CertificateExtension> extensions(org.bouncycastle.cbor.c509.C509Certificate certificate) {
    Extensions extensions = new C509CertificateHolder(certificate).getExtensions();
    if (extensions == null) {
      return List.of();
    }
    List<CertificateExtension> result = new ArrayList<>();
    for (var oid : extensions.getExtensionOIDs()) {
      Extension extension = extensions.getExtension(oid);
      result.add(new CertificateExtension(oid.getId(), extension.isCritical(), extension.getExtnValue().getOctets()));
    }
    return Collections.unmodifiableList(result);
  }

  private static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate has no DER encoding", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof C509Certificate && Arrays.equals(((C509Certificate) other).encoded, encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "C509Certificate[" + type + ", " + subject().getName() + ", " + encoded.length + " bytes]";
  }
}
