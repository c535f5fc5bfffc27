// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import org.iotpki.core.PkiParseException;

/**
 * Makes JDK certificate and CRL objects from DER that {@link Der} has already checked.
 *
 * <p>The JDK's own X.509 parser is used so that callers get the standard JDK implementation.
 */
public final class Certificates {
  private Certificates() {}

  /** An X.509 certificate from exactly one DER element. */
  public static X509Certificate certificate(byte[] der, long offset) throws PkiParseException {
    try {
      return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      throw new PkiParseException("malformed certificate: " + e.getMessage(), offset, e);
    }
  }

  /** An X.509 CRL from exactly one DER element. */
  public static X509CRL crl(byte[] der, long offset) throws PkiParseException {
    try {
      return (X509CRL) factory().generateCRL(new ByteArrayInputStream(der));
    } catch (CRLException | CertificateException | RuntimeException e) {
      throw new PkiParseException("malformed CRL: " + e.getMessage(), offset, e);
    }
  }

  /**
   * The SubjectPublicKeyInfo exactly as the certificate carries it. {@code getPublicKey()
   * .getEncoded()} is not always that: JDK 17 re-encodes keys of algorithms it does not know
   * (ML-DSA, composite) with a NULL parameter.
   */
  public static byte[] subjectPublicKeyInfo(X509Certificate certificate) {
    try {
      return org.bouncycastle.asn1.x509.Certificate.getInstance(certificate.getEncoded())
          .getSubjectPublicKeyInfo()
          .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
    } catch (CertificateException | java.io.IOException e) {
      throw new IllegalArgumentException("the certificate has no DER encoding", e);
    }
  }

  private static CertificateFactory factory() throws CertificateException {
    return CertificateFactory.getInstance("X.509");
  }
}
