// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.MlDsaPrivateKeyForm;

/**
 * ML-DSA private keys in the three forms of RFC 9881. BouncyCastle decodes every form and checks
 * a "both" key's seed against its expanded key and an expanded key's {@code tr} against the
 * public key it implies; it does not check {@code t0} (RFC 9881 Appendix C's third inconsistent
 * example reads as a key).
 */
public final class MlDsaPrivateKeys {
  private static final String ML_DSA_ARC = "2.16.840.1.101.3.4.3.";

  private MlDsaPrivateKeys() {}

  /** Whether the OID is id-ml-dsa-44, -65 or -87. */
  public static boolean isMlDsa(String algorithmOid) {
    return algorithmOid.equals(ML_DSA_ARC + "17")
        || algorithmOid.equals(ML_DSA_ARC + "18")
        || algorithmOid.equals(ML_DSA_ARC + "19");
  }

  /**
   * The key decoded by BouncyCastle, whatever its form.
   *
   * @throws PkiParseException if malformed or inconsistent
   */
  public static MLDSAPrivateKey decode(PrivateKeyInfo info, long offset) throws PkiParseException {
    try {
      return (MLDSAPrivateKey)
          KeyFactory.getInstance("ML-DSA", Bc.PROVIDER)
              .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded("DER")));
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new PkiParseException("unusable ML-DSA private key: " + e.getMessage(), offset, e);
    }
  }

  /**
   * The PKCS#8 structure of the key in {@code form}.
   *
   * @throws IllegalArgumentException if the form needs the seed and the key does not carry it
   */
  public static PrivateKeyInfo encode(MLDSAPrivateKey key, MlDsaPrivateKeyForm form) {
    PrivateKeyInfo original = PrivateKeyInfo.getInstance(key.getEncoded());
    byte[] seed = key.getSeed();
    if (seed == null && form != MlDsaPrivateKeyForm.EXPANDED) {
      throw new IllegalArgumentException(
          "this ML-DSA key carries no seed (it was read in the expanded form); write it as EXPANDED");
    }
    DEROctetString expanded = new DEROctetString(key.getPrivateData());
    ASN1Encodable inner;
    switch (form) {
      case SEED:
        inner = new DERTaggedObject(false, 0, new DEROctetString(seed));
        break;
      case EXPANDED:
        inner = expanded;
        break;
      case BOTH:
        inner = new DERSequence(new ASN1Encodable[] {new DEROctetString(seed), expanded});
        break;
      default:
        throw new AssertionError(form);
    }
    try {
      return new PrivateKeyInfo(original.getPrivateKeyAlgorithm(), inner);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an ML-DSA private key", e);
    }
  }

  /** The key as a BouncyCastle key, decoding a foreign (JDK) key's PKCS#8 form. */
  public static MLDSAPrivateKey asBouncyCastle(PrivateKey key) throws PkiParseException {
    if (key instanceof MLDSAPrivateKey) {
      return (MLDSAPrivateKey) key;
    }
    return decode(PrivateKeyInfo.getInstance(key.getEncoded()), PkiParseException.UNKNOWN_OFFSET);
  }
}
