// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Comparison of SubjectPublicKeyInfo encodings by the key they carry. */
public final class PublicKeyInfos {
  private PublicKeyInfos() {}

  /**
   * Whether two encodings carry the same key: same algorithm and key bits, and the same
   * parameters, where an absent parameter and NULL count as the same (JDK 17 adds NULL to keys of
   * algorithms it does not know, such as ML-DSA).
   */
  public static boolean sameKey(byte[] first, byte[] second) {
    if (Arrays.equals(first, second)) {
      return true;
    }
    try {
      SubjectPublicKeyInfo a = SubjectPublicKeyInfo.getInstance(first);
      SubjectPublicKeyInfo b = SubjectPublicKeyInfo.getInstance(second);
      return a.getAlgorithm().getAlgorithm().equals(b.getAlgorithm().getAlgorithm())
          && sameParameters(a.getAlgorithm().getParameters(), b.getAlgorithm().getParameters())
          && a.getPublicKeyData().equals(b.getPublicKeyData());
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  /**
   * The SubjectPublicKeyInfo to write for a key: as encoded, except that ML-DSA and composite keys
   * lose a NULL parameter that RFC 9881 and the composite draft say must be absent (JDK 17 adds it
   * to keys it does not know).
   */
  public static SubjectPublicKeyInfo canonical(byte[] encoded) {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(encoded);
    String oid = info.getAlgorithm().getAlgorithm().getId();
    boolean postQuantum = oid.startsWith("2.16.840.1.101.3.4.3.") || oid.startsWith("1.3.6.1.5.5.7.6.");
    if (postQuantum && info.getAlgorithm().getParameters() instanceof ASN1Null) {
      return new SubjectPublicKeyInfo(
          new org.bouncycastle.asn1.x509.AlgorithmIdentifier(info.getAlgorithm().getAlgorithm()),
          info.getPublicKeyData());
    }
    return info;
  }

  private static boolean sameParameters(ASN1Encodable a, ASN1Encodable b) {
    boolean aNone = a == null || a instanceof ASN1Null;
    boolean bNone = b == null || b instanceof ASN1Null;
    return aNone && bNone || a != null && a.equals(b);
  }
}
