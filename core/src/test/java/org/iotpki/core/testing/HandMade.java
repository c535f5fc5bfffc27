// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.iotpki.core.cert.KeyUsage;
import org.iotpki.core.io.PkiReader;

/**
 * Certificates that iotpki's strict builder refuses to make, signed with BC directly: the
 * malformed inputs a validator must reject.
 */
public final class HandMade {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private HandMade() {}

  /** A certificate for {@code key} named {@code subject}, signed by {@code issuer}, with the given extensions only. */
  public static X509Certificate signedBy(
      Issuer issuer, String subject, PublicKey key, Consumer<X509v3CertificateBuilder> extensions)
      throws Exception {
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
            BigInteger.valueOf(System.nanoTime()),
            Date.from(Issuer.NOW),
            Date.from(Issuer.NOW.plus(Duration.ofDays(365))),
            new X500Name(subject),
            SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    extensions.accept(builder);
    return sign(issuer, builder);
  }

  private static X509Certificate sign(Issuer issuer, X509v3CertificateBuilder builder) throws Exception {
    String algorithm = issuer.keyPair().getPublic().getAlgorithm().startsWith("Ed") ? "Ed25519" : "SHA256withECDSA";
    byte[] der =
        builder
            .build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(issuer.keyPair().getPrivate()))
            .getEncoded();
    return PkiReader.defaults().readCertificate(der);
  }

  /** An end-entity certificate with a subject name built by hand (for unusual string types). */
  public static X509Certificate signedByWithSubject(Issuer issuer, X500Name subject, PublicKey key) throws Exception {
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
            BigInteger.valueOf(System.nanoTime()),
            Date.from(Issuer.NOW),
            Date.from(Issuer.NOW.plus(Duration.ofDays(365))),
            subject,
            SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    return sign(issuer, builder);
  }

  /** A CA certificate for {@code subject}'s name and key, signed by {@code issuer}, with only these key usages. */
  public static X509Certificate caWithKeyUsage(Issuer issuer, Issuer subject, KeyUsage... usages) throws Exception {
    int bits = 0;
    for (KeyUsage usage : usages) {
      bits |= 1 << (7 - usage.bit());
    }
    int keyUsageBits = bits;
    return signedBy(
        issuer,
        subject.certificate().getSubjectX500Principal().getName(),
        subject.keyPair().getPublic(),
        b -> {
          try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(keyUsageBits));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
