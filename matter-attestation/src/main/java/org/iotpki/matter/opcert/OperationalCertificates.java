// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.internal.CertDerCodec;
import org.iotpki.matter.internal.CertTlvCodec;
import org.iotpki.matter.internal.NetworkIdentity;
import org.iotpki.matter.tlv.TlvFormatException;

/**
 * Matter operational certificates between their two forms: the compact Matter TLV that devices
 * store and send (spec section 6.5) and the X.509 DER that every signature is computed over.
 * Conversion is byte-exact both ways: {@code encodeDer(decodeTlv(tlv))} is the DER the issuer
 * signed, and {@code encodeTlv(decodeDer(der))} is the TLV connectedhomeip writes.
 *
 * <pre>{@code
 * byte[] der = OperationalCertificates.tlvToDer(nocTlv);
 * X509Certificate x509 = OperationalCertificates.toX509Certificate(OperationalCertificates.decodeTlv(nocTlv));
 * byte[] tlv = OperationalCertificates.derToTlv(der);     // NoTlvFormException for other certificates
 * }</pre>
 */
public final class OperationalCertificates {
  private OperationalCertificates() {}

  /**
   * Decodes a TLV certificate, in the full form or the compact form of a network identity.
   *
   * @throws TlvFormatException if the bytes are not well-formed TLV
   * @throws MatterCertificateFormatException if the TLV is not a Matter certificate
   */
  public static OperationalCertificate decodeTlv(byte[] tlv) throws TlvFormatException, MatterCertificateFormatException {
    return CertTlvCodec.decode(Objects.requireNonNull(tlv, "tlv"));
  }

  /** The canonical TLV form (for a network identity too: see {@link #encodeCompactTlv}). */
  public static byte[] encodeTlv(OperationalCertificate certificate) {
    return CertTlvCodec.encode(Objects.requireNonNull(certificate, "certificate"));
  }

  /**
   * The Network (Client) Identity of Wi-Fi per-device credentials (spec 11.24) for a P-256 key: a
   * self-signed certificate with fixed fields (serial 1, CN=*, valid from 2000-01-01T00:00:01Z with
   * no expiry, not a CA, digitalSignature, clientAuth and serverAuth).
   *
   * @param publicKey the uncompressed point (65 bytes)
   * @param signature the r || s signature by the same key over the DER TBSCertificate
   */
  public static OperationalCertificate networkIdentity(byte[] publicKey, byte[] signature) {
    return NetworkIdentity.certificate(publicKey, signature);
  }

  /** Whether the certificate is a Network (Client) Identity, which has a compact TLV form. */
  public static boolean isNetworkIdentity(OperationalCertificate certificate) {
    return NetworkIdentity.matches(certificate);
  }

  /**
   * The {@code compact-pdc-identity} TLV form: the public key and the signature only.
   * {@link #decodeTlv} reads it back.
   *
   * @throws IllegalArgumentException if the certificate is not a {@linkplain #isNetworkIdentity network identity}
   */
  public static byte[] encodeCompactTlv(OperationalCertificate certificate) {
    if (!isNetworkIdentity(certificate)) {
      throw new IllegalArgumentException("only a network identity certificate has a compact TLV form");
    }
    return CertTlvCodec.encodeCompact(certificate);
  }

  /**
   * Decodes a DER X.509 certificate.
   *
   * @throws NoTlvFormException if it is malformed or has no TLV form
   */
  public static OperationalCertificate decodeDer(byte[] der) throws NoTlvFormException {
    return CertDerCodec.decode(Objects.requireNonNull(der, "der"));
  }

  /** The X.509 DER form. */
  public static byte[] encodeDer(OperationalCertificate certificate) {
    return CertDerCodec.encode(Objects.requireNonNull(certificate, "certificate"));
  }

  /** The DER TBSCertificate, the bytes the issuer's signature covers. */
  public static byte[] tbsDer(OperationalCertificate certificate) {
    return CertDerCodec.tbs(Objects.requireNonNull(certificate, "certificate"));
  }

  /**
   * TLV to DER in one step, without a model in between: the result is {@code encodeDer(decodeTlv(tlv))}
   * and every TLV that {@link #decodeTlv} refuses is refused the same way.
   *
   * @throws TlvFormatException if the bytes are not well-formed TLV
   * @throws MatterCertificateFormatException if the TLV is not a Matter certificate
   */
  public static byte[] tlvToDer(byte[] tlv) throws TlvFormatException, MatterCertificateFormatException {
    return CertTlvCodec.toDer(Objects.requireNonNull(tlv, "tlv"));
  }

  /** DER to TLV in one step. */
  public static byte[] derToTlv(byte[] der) throws NoTlvFormException {
    return encodeTlv(decodeDer(der));
  }

  /**
   * The certificate as a JDK {@link X509Certificate}.
   *
   * @throws PkiParseException if the X.509 parser rejects the DER (for example a DN string it
   *     cannot read)
   */
  public static X509Certificate toX509Certificate(OperationalCertificate certificate) throws PkiParseException {
    return PkiReader.defaults().readCertificate(encodeDer(certificate));
  }

  /**
   * The TLV fields of an X.509 certificate.
   *
   * @throws NoTlvFormException if it has no TLV form
   */
  public static OperationalCertificate fromX509Certificate(X509Certificate certificate) throws NoTlvFormException {
    try {
      return decodeDer(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new NoTlvFormException("the certificate has no DER encoding: " + e.getMessage(), PkiParseException.UNKNOWN_OFFSET);
    }
  }

  /**
   * The subject's public key as a JCA key.
   *
   * @throws PkiParseException if the point is not on P-256
   */
  public static PublicKey publicKey(OperationalCertificate certificate) throws PkiParseException {
    return PkiReader.defaults().readPublicKey(CertDerCodec.subjectPublicKeyInfo(certificate.publicKey()));
  }
}
