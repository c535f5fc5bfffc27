// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.io;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.iotpki.core.cert.CertificationRequest;

/**
 * One object read from PEM or DER input by {@link PkiReader#read(byte[])}.
 *
 * <p>Callers on Java 21+ can switch over the permitted records exhaustively.
 */
public sealed interface PkiObject
    permits PkiObject.CertificateObject,
        PkiObject.CrlObject,
        PkiObject.CsrObject,
        PkiObject.PrivateKeyObject,
        PkiObject.EncryptedPrivateKeyObject,
        PkiObject.PublicKeyObject {

  /** A short name of the kind of object, for messages: {@code "certificate"}, {@code "CRL"}... */
  String kind();

  /** An X.509 certificate. */
  record CertificateObject(X509Certificate certificate) implements PkiObject {
    public CertificateObject {
      Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public String kind() {
      return "certificate";
    }
  }

  /** An X.509 certificate revocation list. */
  record CrlObject(X509CRL crl) implements PkiObject {
    public CrlObject {
      Objects.requireNonNull(crl, "crl");
    }

    @Override
    public String kind() {
      return "CRL";
    }
  }

  /** A PKCS#10 certification request. */
  record CsrObject(CertificationRequest request) implements PkiObject {
    public CsrObject {
      Objects.requireNonNull(request, "request");
    }

    @Override
    public String kind() {
      return "certification request";
    }
  }

  /**
   * A private key.
   *
   * @param format the encoding it was read from
   */
  record PrivateKeyObject(PrivateKey key, PrivateKeyFormat format) implements PkiObject {
    public PrivateKeyObject {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(format, "format");
    }

    @Override
    public String kind() {
      return "private key";
    }

    @Override
    public String toString() {
      return "PrivateKeyObject[" + key.getAlgorithm() + ", " + format + "]";
    }
  }

  /**
   * A password-protected PKCS#8 private key, kept encrypted until {@link
   * PkiReader#decryptPrivateKey(EncryptedPrivateKeyObject, char[])} is given the password.
   */
  record EncryptedPrivateKeyObject(byte[] encrypted) implements PkiObject {
    public EncryptedPrivateKeyObject {
      encrypted = encrypted.clone();
    }

    @Override
    public byte[] encrypted() {
      return encrypted.clone();
    }

    @Override
    public String kind() {
      return "encrypted private key";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof EncryptedPrivateKeyObject
          && java.util.Arrays.equals(((EncryptedPrivateKeyObject) other).encrypted, encrypted);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(encrypted);
    }

    @Override
    public String toString() {
      return "EncryptedPrivateKeyObject[" + encrypted.length + " bytes]";
    }
  }

  /** A public key (SubjectPublicKeyInfo). */
  record PublicKeyObject(PublicKey key) implements PkiObject {
    public PublicKeyObject {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String kind() {
      return "public key";
    }
  }

  /** The encodings a private key is read from. */
  enum PrivateKeyFormat {
    /** PKCS#8 PrivateKeyInfo / OneAsymmetricKey (PEM {@code PRIVATE KEY}). */
    PKCS8,
    /** PKCS#8 EncryptedPrivateKeyInfo, decrypted (PEM {@code ENCRYPTED PRIVATE KEY}). */
    ENCRYPTED_PKCS8,
    /** SEC1 / RFC 5915 ECPrivateKey (PEM {@code EC PRIVATE KEY}). */
    SEC1,
    /** PKCS#1 RSAPrivateKey (PEM {@code RSA PRIVATE KEY}). */
    PKCS1
  }
}
