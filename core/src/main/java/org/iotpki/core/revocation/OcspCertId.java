// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.iotpki.core.internal.Bc;
import org.iotpki.core.internal.Certificates;

/**
 * An OCSP CertID (RFC 6960 4.1.1): the hashes of the issuer's name and key, and the serial.
 *
 * @param hashAlgorithmOid the hash algorithm of both hashes
 */
record OcspCertId(String hashAlgorithmOid, byte[] issuerNameHash, byte[] issuerKeyHash, BigInteger serial) {
  /** SHA-1: what RFC 5019 responders expect; a name, not a security property, here. */
  static final String SHA1 = "1.3.14.3.2.26";

  /** The SHA-1 CertID of {@code certificate}, which {@code issuer} issued. */
  static OcspCertId of(X509Certificate certificate, X509Certificate issuer) {
    return of(certificate, issuer, SHA1)
        .orElseThrow(() -> new IllegalStateException("BouncyCastle has no SHA-1"));
  }

  /** The CertID of {@code certificate} with the hash algorithm {@code hashOid}, if it is known. */
  static Optional<OcspCertId> of(X509Certificate certificate, X509Certificate issuer, String hashOid) {
    return digest(hashOid)
        .map(digest -> new OcspCertId(
            hashOid,
            digest.digest(certificate.getIssuerX500Principal().getEncoded()),
            hash(digest, issuer),
            certificate.getSerialNumber()));
  }

  /** The hash of the key of {@code certificate}, as a byKey ResponderID has it (SHA-1). */
  static byte[] keyHash(X509Certificate certificate) {
    return hash(digest(SHA1).orElseThrow(() -> new IllegalStateException("BouncyCastle has no SHA-1")), certificate);
  }

  /** Whether both name the same certificate with the same hash algorithm. */
  boolean matches(OcspCertId other) {
    return hashAlgorithmOid.equals(other.hashAlgorithmOid)
        && Arrays.equals(issuerNameHash, other.issuerNameHash)
        && Arrays.equals(issuerKeyHash, other.issuerKeyHash)
        && serial.equals(other.serial);
  }

  /** A key for maps: the same for CertIDs that {@link #matches}. */
  String key() {
    return hashAlgorithmOid + "/" + Arrays.toString(issuerNameHash) + "/" + Arrays.toString(issuerKeyHash) + "/" + serial;
  }

  private static byte[] hash(MessageDigest digest, X509Certificate issuer) {
    byte[] keyBits =
        SubjectPublicKeyInfo.getInstance(Certificates.subjectPublicKeyInfo(issuer)).getPublicKeyData().getBytes();
    return digest.digest(keyBits);
  }

  private static Optional<MessageDigest> digest(String hashOid) {
    try {
      return Optional.of(MessageDigest.getInstance(hashOid, Bc.PROVIDER));
    } catch (GeneralSecurityException unknown) {
      return Optional.empty();
    }
  }
}
