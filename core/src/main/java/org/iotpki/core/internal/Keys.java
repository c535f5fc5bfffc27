// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.ProviderStrategy;

/** Turns key structures into JCA keys through the provider a strategy picks. */
public final class Keys {
  private static final Map<String, String> JCA_NAMES =
      Map.of(
          "1.2.840.10045.2.1", "EC",
          "1.2.840.113549.1.1.1", "RSA",
          "1.3.101.112", "Ed25519",
          "1.3.101.113", "Ed448");

  private Keys() {}

  /** The JCA KeyFactory name for a key algorithm OID; the OID itself where BC knows it by OID. */
  public static String jcaName(String algorithmOid) {
    return JCA_NAMES.getOrDefault(algorithmOid, algorithmOid);
  }

  /** A public key from the DER of a SubjectPublicKeyInfo. */
  public static PublicKey publicKey(byte[] spkiDer, ProviderStrategy providers, long offset)
      throws PkiParseException {
    String name;
    try {
      name = jcaName(SubjectPublicKeyInfo.getInstance(spkiDer).getAlgorithm().getAlgorithm().getId());
    } catch (RuntimeException e) {
      throw new PkiParseException("malformed SubjectPublicKeyInfo", offset, e);
    }
    try {
      return keyFactory(name, providers).generatePublic(new X509EncodedKeySpec(spkiDer));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new PkiParseException("unusable " + name + " public key: " + e.getMessage(), offset, e);
    }
  }

  /** A private key from a PKCS#8 PrivateKeyInfo. */
  public static PrivateKey privateKey(PrivateKeyInfo info, ProviderStrategy providers, long offset)
      throws PkiParseException {
    String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
    String name = jcaName(oid);
    if (MlDsaPrivateKeys.isMlDsa(oid)) {
      // All three RFC 9881 forms, checked by BouncyCastle; other providers get the expanded form.
      PrivateKey decoded = MlDsaPrivateKeys.decode(info, offset);
      if (providers.provider("KeyFactory", name) == Bc.PROVIDER) {
        return decoded;
      }
      info = withExpandedMlDsaKey(info, offset);
    }
    try {
      return keyFactory(name, providers).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
      // The message of the cause names the problem, never key material.
      throw new PkiParseException("unusable " + name + " private key: " + e.getMessage(), offset, e);
    }
  }

  /**
   * An ML-DSA private key in the expandedKey form of RFC 9881, the only one JDK 24+ reads (keys in
   * the seed or "both" form are expanded by BouncyCastle). Other keys are returned unchanged.
   *
   * @throws PkiParseException if an ML-DSA key is malformed or inconsistent
   */
  public static PrivateKeyInfo withExpandedMlDsaKey(PrivateKeyInfo info, long offset)
      throws PkiParseException {
    if (!MlDsaPrivateKeys.isMlDsa(info.getPrivateKeyAlgorithm().getAlgorithm().getId())) {
      return info;
    }
    return MlDsaPrivateKeys.encode(
        MlDsaPrivateKeys.decode(info, offset), org.iotpki.core.io.MlDsaPrivateKeyForm.EXPANDED);
  }

  /** The PKCS#8 form of a SEC1 {@code ECPrivateKey}, which must name its curve. */
  public static PrivateKeyInfo fromSec1(ASN1Encodable sec1, long offset) throws PkiParseException {
    try {
      ECPrivateKey key = ECPrivateKey.getInstance(sec1);
      ASN1Encodable curve = key.getParametersObject();
      if (curve == null) {
        throw new PkiParseException("SEC1 EC private key does not name its curve", offset);
      }
      return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), key);
    } catch (java.io.IOException | RuntimeException e) {
      throw new PkiParseException("malformed SEC1 EC private key", offset, e);
    }
  }

  /** The PKCS#8 form of a PKCS#1 {@code RSAPrivateKey}. */
  public static PrivateKeyInfo fromPkcs1(ASN1Encodable pkcs1, long offset) throws PkiParseException {
    try {
      return new PrivateKeyInfo(
          new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
          RSAPrivateKey.getInstance(pkcs1));
    } catch (java.io.IOException | RuntimeException e) {
      throw new PkiParseException("malformed PKCS#1 RSA private key", offset, e);
    }
  }

  private static KeyFactory keyFactory(String name, ProviderStrategy providers)
      throws GeneralSecurityException {
    return KeyFactory.getInstance(name, providers.provider("KeyFactory", name));
  }
}
