// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Subject and authority key identifiers (RFC 5280 4.2.1.1, 4.2.1.2). */
public final class KeyIdentifiers {
  private KeyIdentifiers() {}

  /** RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING's value (20 bytes). */
  public static byte[] compute(PublicKey key) {
    byte[] keyBits = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
    try {
      return MessageDigest.getInstance("SHA-1").digest(keyBits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /** The subjectKeyIdentifier of a certificate, if present and well-formed. */
  public static Optional<byte[]> subjectKeyIdentifier(X509Certificate certificate) {
    return extensionValue(certificate, Extension.subjectKeyIdentifier.getId())
        .map(value -> SubjectKeyIdentifier.getInstance(value).getKeyIdentifier());
  }

  /** The keyIdentifier field of a certificate's authorityKeyIdentifier, if present. */
  public static Optional<byte[]> authorityKeyIdentifier(X509Certificate certificate) {
    return extensionValue(certificate, Extension.authorityKeyIdentifier.getId())
        .map(value -> AuthorityKeyIdentifier.getInstance(value).getKeyIdentifierOctets());
  }

  /**
   * The DER value of an extension (inside its OCTET STRING), or empty if absent.
   *
   * @throws IllegalArgumentException if the extension is present but malformed
   */
  public static Optional<byte[]> extensionValue(X509Certificate certificate, String oid) {
    byte[] wrapped = certificate.getExtensionValue(oid);
    if (wrapped == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ASN1OctetString.getInstance(wrapped).getOctets());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed extension " + oid, e);
    }
  }
}
