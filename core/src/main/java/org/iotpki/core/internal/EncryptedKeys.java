// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.iotpki.core.PkiParseException;

/** PKCS#8 EncryptedPrivateKeyInfo with PBES2 and PBKDF2 (RFC 8018), the form OpenSSL 3 writes. */
public final class EncryptedKeys {
  private EncryptedKeys() {}

  /**
   * Decrypts an EncryptedPrivateKeyInfo.
   *
   * @param maxIterations the largest PBKDF2 iteration count accepted: an attacker-chosen count
   *     would otherwise make decryption run for hours
   */
  public static PrivateKeyInfo decrypt(byte[] der, char[] password, int maxIterations, long offset)
      throws PkiParseException {
    EncryptedPrivateKeyInfo info;
    try {
      info = EncryptedPrivateKeyInfo.getInstance(der);
    } catch (RuntimeException e) {
      throw new PkiParseException("malformed EncryptedPrivateKeyInfo", offset, e);
    }
    checkPbes2(info, maxIterations, offset);
    try {
      return new PKCS8EncryptedPrivateKeyInfo(info)
          .decryptPrivateKeyInfo(
              new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password));
    } catch (PKCSException | OperatorCreationException | RuntimeException e) {
      throw new PkiParseException("cannot decrypt the private key: wrong password or corrupted data", offset, e);
    }
  }

  /** Encrypts a private key with PBES2, PBKDF2-HMAC-SHA256 and AES-256-CBC. */
  public static byte[] encrypt(byte[] pkcs8, char[] password, int iterations) {
    try {
      var encryptor =
          new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
              .setProvider(Bc.PROVIDER)
              .setPRF(PKCS8Generator.PRF_HMACSHA256)
              .setIterationCount(iterations)
              .setPassword(password)
              .build();
      return new PKCS8Generator(PrivateKeyInfo.getInstance(pkcs8), encryptor).generate().getContent();
    } catch (OperatorCreationException | PemGenerationException e) {
      throw new IllegalStateException("cannot encrypt the private key", e);
    }
  }

  private static void checkPbes2(EncryptedPrivateKeyInfo info, int maxIterations, long offset)
      throws PkiParseException {
    var scheme = info.getEncryptionAlgorithm();
    if (!PKCSObjectIdentifiers.id_PBES2.equals(scheme.getAlgorithm())) {
      throw new PkiParseException(
          "encryption scheme " + scheme.getAlgorithm().getId() + " is not PBES2; legacy PKCS#5 v1"
              + " and PKCS#12 schemes are not supported",
          offset);
    }
    try {
      KeyDerivationFunc kdf = PBES2Parameters.getInstance(scheme.getParameters()).getKeyDerivationFunc();
      if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
        throw new PkiParseException("key derivation " + kdf.getAlgorithm().getId() + " is not PBKDF2", offset);
      }
      var iterations = PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount();
      if (iterations.bitLength() > 31 || iterations.intValue() > maxIterations) {
        throw new PkiParseException(
            "PBKDF2 iteration count " + iterations + " exceeds the limit of " + maxIterations, offset);
      }
    } catch (RuntimeException e) {
      throw new PkiParseException("malformed PBES2 parameters", offset, e);
    }
  }
}
