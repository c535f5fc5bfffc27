// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.iotpki.core.io.PkiReader;

/**
 * PAA, PAI and DAC certificates made with BC directly, every field under the test's control, so
 * that each profile rule can be broken one at a time. {@link #valid()} is a conforming chain.
 */
final class TestAttestationPki {
  static final BouncyCastleProvider BC = new BouncyCastleProvider();
  static final Instant NOT_BEFORE = Instant.parse("2024-01-01T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2034-01-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final String VID = "1.3.6.1.4.1.37244.2.1";
  static final String PID = "1.3.6.1.4.1.37244.2.2";

  /** One certificate's fields; null means "leave the extension out". */
  record Spec(
      String subject,
      String signatureAlgorithm,
      String curve,
      Boolean basicConstraintsCritical,
      boolean ca,
      Integer pathLength,
      Boolean keyUsageCritical,
      int keyUsage,
      Boolean skidCritical,
      int skidLength,
      Boolean akidCritical,
      int akidLength,
      Instant notBefore,
      Instant notAfter) {

    static Spec paa() {
      return new Spec("CN=Test PAA," + VID + "=FFF1", "SHA256withECDSA", "secp256r1", true, true, 1, true,
          KeyUsage.keyCertSign | KeyUsage.cRLSign, false, 20, false, 20, NOT_BEFORE, NOT_AFTER);
    }

    static Spec pai() {
      return new Spec("CN=Test PAI," + VID + "=FFF1," + PID + "=8000", "SHA256withECDSA", "secp256r1", true, true, 0,
          true, KeyUsage.keyCertSign | KeyUsage.cRLSign, false, 20, false, 20, NOT_BEFORE, NOT_AFTER);
    }

    static Spec dac() {
      return new Spec("CN=Test DAC," + VID + "=FFF1," + PID + "=8000", "SHA256withECDSA", "secp256r1", true, false,
          null, true, KeyUsage.digitalSignature, false, 20, false, 20, NOT_BEFORE, NOT_AFTER);
    }

    Spec subject(String value) {
      return new Spec(value, signatureAlgorithm, curve, basicConstraintsCritical, ca, pathLength, keyUsageCritical,
          keyUsage, skidCritical, skidLength, akidCritical, akidLength, notBefore, notAfter);
    }

    Spec signatureAlgorithm(String value) {
      return new Spec(subject, value, curve, basicConstraintsCritical, ca, pathLength, keyUsageCritical, keyUsage,
          skidCritical, skidLength, akidCritical, akidLength, notBefore, notAfter);
    }

    Spec curve(String value) {
      return new Spec(subject, signatureAlgorithm, value, basicConstraintsCritical, ca, pathLength, keyUsageCritical,
          keyUsage, skidCritical, skidLength, akidCritical, akidLength, notBefore, notAfter);
    }

    Spec basicConstraints(Boolean critical, boolean isCa, Integer pathLen) {
      return new Spec(subject, signatureAlgorithm, curve, critical, isCa, pathLen, keyUsageCritical, keyUsage,
          skidCritical, skidLength, akidCritical, akidLength, notBefore, notAfter);
    }

    Spec keyUsage(Boolean critical, int bits) {
      return new Spec(subject, signatureAlgorithm, curve, basicConstraintsCritical, ca, pathLength, critical, bits,
          skidCritical, skidLength, akidCritical, akidLength, notBefore, notAfter);
    }

    Spec skid(Boolean critical, int length) {
      return new Spec(subject, signatureAlgorithm, curve, basicConstraintsCritical, ca, pathLength, keyUsageCritical,
          keyUsage, critical, length, akidCritical, akidLength, notBefore, notAfter);
    }

    Spec akid(Boolean critical, int length) {
      return new Spec(subject, signatureAlgorithm, curve, basicConstraintsCritical, ca, pathLength, keyUsageCritical,
          keyUsage, skidCritical, skidLength, critical, length, notBefore, notAfter);
    }

    Spec validity(Instant from, Instant to) {
      return new Spec(subject, signatureAlgorithm, curve, basicConstraintsCritical, ca, pathLength, keyUsageCritical,
          keyUsage, skidCritical, skidLength, akidCritical, akidLength, from, to);
    }
  }

  /** A certificate and its key pair. */
  record Issued(X509Certificate certificate, KeyPair keyPair) {
    byte[] der() throws Exception {
      return certificate.getEncoded();
    }
  }

  /** A PAA -> PAI -> DAC chain. */
  record Chain(Issued paa, Issued pai, Issued dac) {}

  private TestAttestationPki() {}

  static Chain valid() throws Exception {
    return chain(Spec.paa(), Spec.pai(), Spec.dac());
  }

  static Chain chain(Spec paa, Spec pai, Spec dac) throws Exception {
    Issued root = issue(paa, null);
    Issued intermediate = issue(pai, root);
    return new Chain(root, intermediate, issue(dac, intermediate));
  }

  /** Issues {@code spec}, signed by {@code issuer} (self-signed when null). */
  static Issued issue(Spec spec, Issued issuer) throws Exception {
    KeyPair keyPair = keyPair(spec.curve());
    KeyPair signer = issuer == null ? keyPair : issuer.keyPair();
    X500Name issuerName = issuer == null ? new X500Name(spec.subject())
        : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuerName,
        new BigInteger(64, new java.security.SecureRandom()).setBit(62), Date.from(spec.notBefore()),
        Date.from(spec.notAfter()), new X500Name(spec.subject()),
        SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded()));
    if (spec.basicConstraintsCritical() != null) {
      BasicConstraints constraints = spec.pathLength() != null
          ? new BasicConstraints(spec.pathLength()) : new BasicConstraints(spec.ca());
      if (spec.pathLength() != null && !spec.ca()) {
        // cA false with a pathLenConstraint: BC's constructors cannot say it, so encode it by hand.
        constraints = BasicConstraints.getInstance(new DERSequence(
            new org.bouncycastle.asn1.ASN1Integer(spec.pathLength())));
      }
      builder.addExtension(Extension.basicConstraints, spec.basicConstraintsCritical(), constraints);
    }
    if (spec.keyUsageCritical() != null) {
      builder.addExtension(Extension.keyUsage, spec.keyUsageCritical(), new KeyUsage(spec.keyUsage()));
    }
    if (spec.skidCritical() != null) {
      builder.addExtension(Extension.subjectKeyIdentifier, spec.skidCritical(),
          new DEROctetString(keyId(keyPair, spec.skidLength())));
    }
    if (spec.akidCritical() != null) {
      // The signer's key ID: the issuer's, or this certificate's own when it is self-signed.
      builder.addExtension(Extension.authorityKeyIdentifier, spec.akidCritical(),
          new DERSequence(new DERTaggedObject(false, 0, new DEROctetString(keyId(signer, spec.akidLength())))));
    }
    byte[] der = builder.build(new JcaContentSignerBuilder(spec.signatureAlgorithm()).setProvider(BC)
        .build(signer.getPrivate())).getEncoded();
    return new Issued(PkiReader.defaults().readCertificate(der), keyPair);
  }

  /** SHA-1 of the public key (RFC 5280 method 1), cut or padded to {@code length}. */
  static byte[] keyId(KeyPair keyPair, int length) throws Exception {
    byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(keyPair.getPublic().getEncoded());
    byte[] id = new byte[length];
    System.arraycopy(sha1, 0, id, 0, Math.min(length, sha1.length));
    return id;
  }

  static KeyPair keyPair(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }
}
