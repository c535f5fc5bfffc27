// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;

/** Reading the parts of catalyst (alternative-signature, X.509 9.8) certificates. */
public final class Catalyst {
  private Catalyst() {}

  /**
   * The alternative public key a certificate carries in subjectAltPublicKeyInfo (2.5.29.72), if
   * any: the key that verifies the alternative signatures of what its subject issues.
   *
   * @throws PkiParseException if the extension is malformed
   */
  public static Optional<PublicKey> alternativePublicKey(X509Certificate certificate) throws PkiParseException {
    Objects.requireNonNull(certificate, "certificate");
    byte[] extension = certificate.getExtensionValue(Extension.subjectAltPublicKeyInfo.getId());
    if (extension == null) {
      return Optional.empty();
    }
    byte[] spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getEncoded("DER");
    } catch (java.io.IOException | RuntimeException e) {
      throw new PkiParseException("malformed subjectAltPublicKeyInfo", e);
    }
    return Optional.of(PkiReader.defaults().readPublicKey(spki));
  }

  /** Whether a certificate has an alternative signature (altSignatureValue, 2.5.29.74). */
  public static boolean hasAlternativeSignature(X509Certificate certificate) {
    return certificate.getExtensionValue(Extension.altSignatureValue.getId()) != null;
  }
}
