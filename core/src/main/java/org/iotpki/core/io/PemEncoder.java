// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.io;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.iotpki.core.cert.CertificationRequest;
import org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.internal.EncryptedKeys;
import org.iotpki.core.internal.MlDsaPrivateKeys;

/**
 * Writes PEM in RFC 7468's strict form: 64-character base64 lines, LF line endings, no headers.
 */
public final class PemEncoder {
  /** Default PBKDF2-HMAC-SHA256 iteration count for encrypted keys (OWASP 2023 guidance). */
  public static final int DEFAULT_PBKDF2_ITERATIONS = 600_000;

  private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

  private PemEncoder() {}

  /** One PEM block with {@code label} around {@code der}. */
  public static String encode(String label, byte[] der) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(der, "der");
    if (label.isEmpty() || !label.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '-')) {
      throw new IllegalArgumentException("not a PEM label: " + label);
    }
    return "-----BEGIN " + label + "-----\n"
        + BASE64.encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  /** A {@code CERTIFICATE} block. */
  public static String certificate(X509Certificate certificate) {
    try {
      return encode("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate has no encoding", e);
    }
  }

  /** One {@code CERTIFICATE} block per certificate, in order. */
  public static String certificates(List<X509Certificate> certificates) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      pem.append(certificate(certificate));
    }
    return pem.toString();
  }

  /** An {@code X509 CRL} block. */
  public static String crl(X509CRL crl) {
    try {
      return encode("X509 CRL", crl.getEncoded());
    } catch (CRLException e) {
      throw new IllegalArgumentException("the CRL has no encoding", e);
    }
  }

  /** A {@code CERTIFICATE REQUEST} block. */
  public static String certificationRequest(CertificationRequest request) {
    return encode("CERTIFICATE REQUEST", request.encoded());
  }

  /** A {@code PUBLIC KEY} block (SubjectPublicKeyInfo). */
  public static String publicKey(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null || !"X.509".equals(key.getFormat())) {
      throw new IllegalArgumentException("the " + key.getAlgorithm() + " key has no X.509 encoding");
    }
    return encode("PUBLIC KEY", encoded);
  }

  /**
   * A {@code PRIVATE KEY} block (unencrypted PKCS#8).
   *
   * @throws IllegalArgumentException if the key cannot be exported, as for a key in a token
   */
  public static String privateKey(PrivateKey key) {
    return encode("PRIVATE KEY", pkcs8(key));
  }

  /**
   * A {@code PRIVATE KEY} block of an ML-DSA key in one of the forms of RFC 9881. Without a form,
   * {@link #privateKey(PrivateKey)} writes the seed form where the key carries its seed and the
   * expanded form otherwise.
   *
   * @throws IllegalArgumentException if the key is not an exportable ML-DSA key, or the form
   *     needs a seed the key does not carry (a key read in the expanded form)
   */
  public static String privateKey(PrivateKey key, MlDsaPrivateKeyForm form) {
    Objects.requireNonNull(form, "form");
    return encode("PRIVATE KEY", der(MlDsaPrivateKeys.encode(mlDsaKey(key), form)));
  }

  /**
   * An {@code EC PRIVATE KEY} block (SEC1 / RFC 5915, naming the curve), for devices whose TLS
   * stacks read only that form.
   */
  public static String sec1PrivateKey(ECPrivateKey key) {
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8(key));
      var inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
      var sec1 =
          new org.bouncycastle.asn1.sec.ECPrivateKey(
              key.getParams().getOrder().bitLength(),
              inner.getKey(),
              inner.getPublicKey(),
              info.getPrivateKeyAlgorithm().getParameters());
      return encode("EC PRIVATE KEY", sec1.getEncoded("DER"));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode the EC key as SEC1", e);
    }
  }

  /**
   * An {@code ENCRYPTED PRIVATE KEY} block: PKCS#8 with PBES2, PBKDF2-HMAC-SHA256 ({@value
   * #DEFAULT_PBKDF2_ITERATIONS} iterations) and AES-256-CBC, as OpenSSL 3 reads it.
   */
  public static String encryptedPrivateKey(PrivateKey key, char[] password) {
    return encryptedPrivateKey(key, password, DEFAULT_PBKDF2_ITERATIONS);
  }

  /** As {@link #encryptedPrivateKey(PrivateKey, char[])} with another PBKDF2 iteration count. */
  public static String encryptedPrivateKey(PrivateKey key, char[] password, int iterations) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(password, "password");
    if (password.length == 0) {
      throw new IllegalArgumentException("an empty password does not protect a key");
    }
    if (iterations < 1000) {
      throw new IllegalArgumentException("PBKDF2 iterations below 1000 are too weak: " + iterations);
    }
    return encode("ENCRYPTED PRIVATE KEY", EncryptedKeys.encrypt(pkcs8(key), password, iterations));
  }

  /**
   * The PKCS#8 encoding, as version 1 PrivateKeyInfo: BouncyCastle writes Ed25519 keys as RFC 5958
   * OneAsymmetricKey with the public key, which OpenSSL 3.0 refuses to read.
   */
  private static byte[] pkcs8(PrivateKey key) {
    Objects.requireNonNull(key, "key");
    byte[] encoded = key.getEncoded();
    if (encoded == null || !"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException(
          "the " + key.getAlgorithm() + " private key cannot be exported (format " + key.getFormat() + ")");
    }
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(encoded);
    if (MlDsaPrivateKeys.isMlDsa(info.getPrivateKeyAlgorithm().getAlgorithm().getId())) {
      MLDSAPrivateKey mlDsa = mlDsaKey(key);
      return der(MlDsaPrivateKeys.encode(mlDsa,
          mlDsa.getSeed() == null ? MlDsaPrivateKeyForm.EXPANDED : MlDsaPrivateKeyForm.SEED));
    }
    if (!info.hasPublicKey()) {
      return encoded;
    }
    try {
      return new PrivateKeyInfo(
              info.getPrivateKeyAlgorithm(), info.parsePrivateKey(), info.getAttributes())
          .getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot re-encode the " + key.getAlgorithm() + " key", e);
    }
  }

  private static MLDSAPrivateKey mlDsaKey(PrivateKey key) {
    Objects.requireNonNull(key, "key");
    if (key.getEncoded() == null || !"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException("the " + key.getAlgorithm() + " private key cannot be exported");
    }
    String oid = PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm().getAlgorithm().getId();
    if (!MlDsaPrivateKeys.isMlDsa(oid)) {
      throw new IllegalArgumentException("a " + key.getAlgorithm() + " key is no ML-DSA key");
    }
    try {
      return MlDsaPrivateKeys.asBouncyCastle(key);
    } catch (PkiParseException e) {
      throw new IllegalArgumentException("unusable ML-DSA private key: " + e.getMessage(), e);
    }
  }

  private static byte[] der(PrivateKeyInfo info) {
    try {
      return info.getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a private key", e);
    }
  }
}
