// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.cmp.PBMParameter;
import org.bouncycastle.asn1.cmp.PKIMessage;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.cmp.CMPException;
import org.bouncycastle.cert.cmp.GeneralPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessageBuilder;
import org.bouncycastle.cert.crmf.CRMFException;
import org.bouncycastle.cert.crmf.PKMACBuilder;
import org.bouncycastle.cert.crmf.jcajce.JcePKMACValuesCalculator;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;

/**
 * The CMP server's side of message protection (RFC 9483 section 3.2): checks a request's
 * PasswordBasedMac or signature, and protects the answer the same way.
 */
final class CmpProtection {
  /** More iterations than this is a denial of service, not a protection. */
  private static final int MAX_PBM_ITERATIONS = 100_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TestCa ca;
  private final X509Certificate serverCertificate;
  private final PrivateKey serverKey;
  private final byte[] reference;
  private final char[] secret;
  private final KeyPair impostor = KeyPairs.generate(KeyAlgorithm.EC_P256);
  private final Provider bouncyCastle = ProviderStrategy.bouncyCastle().provider("Mac", "HmacSHA256");

  CmpProtection(TestCa ca, X509Certificate serverCertificate, PrivateKey serverKey,
      byte[] reference, char[] secret) {
    this.ca = ca;
    this.serverCertificate = serverCertificate;
    this.serverKey = serverKey;
    this.reference = reference;
    this.secret = secret;
  }

  /** How a request was protected, and so how its answer is. */
  record Verified(PBMParameter pbm, X509Certificate signer) {
    boolean mac() {
      return pbm != null;
    }
  }

  X509Certificate serverCertificate() {
    return serverCertificate;
  }

  /** The server's name, the sender of every answer. */
  GeneralName serverName() {
    return new GeneralName(X500Name.getInstance(
        serverCertificate.getSubjectX500Principal().getEncoded()));
  }

  /**
   * Checks a request's protection: a MAC with the shared secret under its reference, or a
   * signature by a certificate of the CA named as the sender.
   *
   * @throws CmpRefusal badMessageCheck if it is missing or does not verify
   */
  Verified check(GeneralPKIMessage message) throws CmpRefusal {
    if (!message.hasProtection()) {
      throw CmpRefusal.badMessageCheck("the request is not protected");
    }
    try {
      ProtectedPKIMessage request = new ProtectedPKIMessage(message);
      return request.hasPasswordBasedMacProtection() ? checkMac(request) : checkSignature(request);
    } catch (CMPException | IllegalArgumentException | IllegalStateException e) {
      throw CmpRefusal.badMessageCheck("the protection cannot be checked: " + e.getMessage());
    }
  }

  private Verified checkMac(ProtectedPKIMessage request) throws CMPException, CmpRefusal {
    if (secret == null) {
      throw CmpRefusal.badMessageCheck("this server takes no shared secret; sign the request");
    }
    byte[] kid = request.getHeader().getSenderKID() == null ? null
        : request.getHeader().getSenderKID().getOctets();
    if (!Arrays.equals(reference, kid)) {
      throw CmpRefusal.badMessageCheck("unknown reference (senderKID)");
    }
    PBMParameter pbm = PBMParameter.getInstance(request.getProtectionAlgorithm().getParameters());
    int iterations = pbm.getIterationCount().intValueExact();
    if (iterations < 1 || iterations > MAX_PBM_ITERATIONS) {
      throw CmpRefusal.badMessageCheck("PBM iteration count out of bounds: " + iterations);
    }
    if (!request.verify(macBuilder(), secret)) {
      throw CmpRefusal.badMessageCheck("the MAC does not verify: wrong secret?");
    }
    return new Verified(pbm, null);
  }

  private Verified checkSignature(ProtectedPKIMessage request) throws CMPException, CmpRefusal {
    X509CertificateHolder[] extraCerts = request.getCertificates();
    if (extraCerts.length == 0) {
      throw CmpRefusal.badMessageCheck("a signed request needs its certificate in extraCerts");
    }
    X509Certificate signer;
    try {
      signer = new JcaX509CertificateConverter().getCertificate(extraCerts[0]);
    } catch (CertificateException e) {
      throw CmpRefusal.badMessageCheck("the first extraCert does not parse: " + e.getMessage());
    }
    if (!ca.issued(signer)) {
      throw CmpRefusal.badMessageCheck("the signer " + signer.getSubjectX500Principal().getName()
          + " is not a valid certificate of this CA");
    }
    if (!new GeneralName(extraCerts[0].getSubject()).equals(request.getHeader().getSender())) {
      throw CmpRefusal.badMessageCheck("the sender is not the signer");
    }
    try {
      if (!request.verify(new JcaContentVerifierProviderBuilder().setProvider(bouncyCastle)
          .build(signer))) {
        throw CmpRefusal.badMessageCheck("the signature does not verify");
      }
    } catch (OperatorCreationException e) {
      throw CmpRefusal.badMessageCheck("the signature cannot be checked: " + e.getMessage());
    }
    return new Verified(null, signer);
  }

  /**
   * Protects an answer as {@code request} was: by MAC with a fresh salt, else signed by the
   * server (with {@code impostorKey}, by an unrelated key or secret). The
   * CA's chain is in extraCerts either way, to build the new certificate's path with (RFC 9483
   * section 4.1.1); a signed answer has the server's certificate first.
   */
  PKIMessage protect(ProtectedPKIMessageBuilder builder, Verified request, boolean impostorKey) {
    boolean mac = request != null && request.mac();
    try {
      if (!mac) {
        builder.setSenderKID(SubjectKeyIdentifier.fromExtensions(
            new JcaX509CertificateHolder(serverCertificate).getExtensions()).getKeyIdentifier());
        builder.addCMPCertificate(new JcaX509CertificateHolder(serverCertificate));
      }
      for (X509Certificate certificate : ca.chainToRoot()) {
        builder.addCMPCertificate(new JcaX509CertificateHolder(certificate));
      }
      if (mac) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        PBMParameter pbm = new PBMParameter(salt, request.pbm().getOwf(),
            request.pbm().getIterationCount().intValueExact(), request.pbm().getMac());
        builder.setSenderKID(reference);
        char[] key = impostorKey ? "not the shared secret".toCharArray() : secret;
        return builder.build(macBuilder().setParameters(pbm).build(key)).toASN1Structure();
      }
      return builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
          .setProvider(bouncyCastle)
          .build(impostorKey ? impostor.getPrivate() : serverKey)).toASN1Structure();
    } catch (CRMFException | CMPException | CertificateEncodingException
        | OperatorCreationException e) {
      throw new IllegalStateException("the test CMP server cannot protect its answer", e);
    }
  }

  private PKMACBuilder macBuilder() {
    return new PKMACBuilder(new JcePKMACValuesCalculator().setProvider(bouncyCastle));
  }
}
