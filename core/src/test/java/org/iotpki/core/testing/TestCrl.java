// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Collection;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.iotpki.core.internal.Bc;

/**
 * Real CRLs for tests: built with BouncyCastle's {@code X509v2CRLBuilder}, signed by an EC P-256
 * {@link Issuer} (SHA256withECDSA), each entry with its revocation date and nothing else (the
 * smallest entry a CRL can have, so size comparisons do not flatter the alternative), read back
 * by the JDK.
 */
public final class TestCrl {
  private TestCrl() {}

  /** A complete CRL of {@code issuer} listing {@code revoked}. */
  public static X509CRL of(Issuer issuer, Collection<BigInteger> revoked) throws Exception {
    return build(issuer, revoked, false);
  }

  /** A delta CRL (with the deltaCRLIndicator extension) of {@code issuer} listing {@code revoked}. */
  public static X509CRL delta(Issuer issuer, Collection<BigInteger> revoked) throws Exception {
    return build(issuer, revoked, true);
  }

  private static X509CRL build(Issuer issuer, Collection<BigInteger> revoked, boolean delta) throws Exception {
    Date thisUpdate = Date.from(Issuer.NOW);
    X509v2CRLBuilder builder = new X509v2CRLBuilder(
        X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), thisUpdate);
    builder.setNextUpdate(Date.from(Issuer.NOW.plusSeconds(7 * 86_400)));
    for (BigInteger serial : revoked) {
      builder.addCRLEntry(serial, thisUpdate, null);
    }
    // The two extensions RFC 5280 requires of every CRL, and a delta CRL's indicator.
    builder.addExtension(Extension.authorityKeyIdentifier, false,
        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
    builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.TWO));
    if (delta) {
      builder.addExtension(Extension.deltaCRLIndicator, true, new ASN1Integer(1));
    }
    byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.PROVIDER)
        .build(issuer.keyPair().getPrivate())).getEncoded();
    return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
  }
}
