// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cmp.PBMParameter;
import org.bouncycastle.asn1.cmp.PKIMessage;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.cmp.CMPException;
import org.bouncycastle.cert.cmp.ProtectedPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessageBuilder;
import org.bouncycastle.cert.crmf.CRMFException;
import org.bouncycastle.cert.crmf.PKMACBuilder;
import org.bouncycastle.cert.crmf.jcajce.JcePKMACValuesCalculator;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.iotpki.cmp.PbmParameters;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.internal.KeyIdentifiers;
import org.iotpki.core.internal.SignerAdapter;
import org.iotpki.core.validation.ChainValidator;

/**
 * How CMP messages are protected (RFC 4210 section 5.1.3, RFC 9483 section 3.2): by
 * PasswordBasedMac with a shared secret and its reference, or by a signature with a certificate.
 */
public sealed interface Protection permits Protection.Pbm, Protection.Signature {
  SecureRandom RANDOM = new SecureRandom();

  /** The sender name of the header. */
  GeneralName sender();

  /** Protects the message the builder holds, setting senderKID and extraCerts. */
  PKIMessage protect(ProtectedPKIMessageBuilder builder) throws GeneralSecurityException;

  /**
   * Checks a response's protection.
   *
   * @return null when it verifies, else why not
   */
  String problem(ProtectedPKIMessage response, List<X509Certificate> trustAnchors);

  /** PasswordBasedMac: the reference (senderKID) and the shared secret. */
  record Pbm(byte[] reference, char[] secret, PbmParameters parameters, GeneralName sender)
      implements Protection {
    private static final Map<String, ASN1ObjectIdentifier> OWF = Map.of(
        "SHA-1", OIWObjectIdentifiers.idSHA1, "SHA-256", NISTObjectIdentifiers.id_sha256,
        "SHA-384", NISTObjectIdentifiers.id_sha384, "SHA-512", NISTObjectIdentifiers.id_sha512);
    private static final Map<String, ASN1ObjectIdentifier> MAC = Map.of(
        "HMAC-SHA1", PKCSObjectIdentifiers.id_hmacWithSHA1,
        "HMAC-SHA256", PKCSObjectIdentifiers.id_hmacWithSHA256,
        "HMAC-SHA384", PKCSObjectIdentifiers.id_hmacWithSHA384,
        "HMAC-SHA512", PKCSObjectIdentifiers.id_hmacWithSHA512);

    /** HMAC-SHA1 under its other OID (hmac-sha1, 1.3.6.1.5.5.8.1.2), as OpenSSL sends it. */
    private static final ASN1ObjectIdentifier IANA_HMAC_SHA1 = new ASN1ObjectIdentifier("1.3.6.1.5.5.8.1.2");

    @Override
    public PKIMessage protect(ProtectedPKIMessageBuilder builder) throws GeneralSecurityException {
      byte[] salt = new byte[16];
      RANDOM.nextBytes(salt);
      PBMParameter pbm = new PBMParameter(salt, new AlgorithmIdentifier(OWF.get(parameters.owf())),
          parameters.iterations(),
          new AlgorithmIdentifier(MAC.get(parameters.mac()), DERNull.INSTANCE));
      try {
        builder.setSenderKID(reference);
        return builder.build(new PKMACBuilder(calculator()).setParameters(pbm).build(secret))
            .toASN1Structure();
      } catch (CRMFException | CMPException e) {
        throw new GeneralSecurityException("cannot MAC the CMP message: " + e.getMessage(), e);
      }
    }

    @Override
    public String problem(ProtectedPKIMessage response, List<X509Certificate> trustAnchors) {
      if (!response.hasPasswordBasedMacProtection()) {
        return "the answer is signed, not MAC-protected as the request was";
      }
      String weak = parameterProblem(
          PBMParameter.getInstance(response.getProtectionAlgorithm().getParameters()));
      if (weak != null) {
        return weak;
      }
      try {
        return response.verify(new PKMACBuilder(calculator()), secret)
            ? null : "the answer's MAC does not verify with our shared secret";
      } catch (CMPException e) {
        return "the answer's MAC cannot be checked: " + e.getMessage();
      }
    }

    /**
     * Why the answer's PBM parameters are not acceptable, or null: the floors and allow-list of our
     * own requests (a peer choosing weak parameters weakens the shared secret for both sides).
     */
    private String parameterProblem(PBMParameter pbm) {
      String owf = name(OWF, pbm.getOwf());
      String mac = IANA_HMAC_SHA1.equals(pbm.getMac().getAlgorithm()) ? "HMAC-SHA1" : name(MAC, pbm.getMac());
      if (owf == null || mac == null) {
        return "the answer's PBM algorithms " + pbm.getOwf().getAlgorithm() + "/"
            + pbm.getMac().getAlgorithm() + " are not allowed";
      }
      BigInteger iterations = pbm.getIterationCount().getValue();
      if (iterations.signum() < 1 || iterations.bitLength() > 31) {
        return "the answer's PBM iteration count " + iterations + " is out of bounds";
      }
      int saltBytes = pbm.getSalt().getOctets().length;
      if (saltBytes < PbmParameters.MIN_SALT_BYTES && !parameters.weakAllowed()) {
        return "the answer's PBM salt of " + saltBytes + " bytes is shorter than "
            + PbmParameters.MIN_SALT_BYTES + "; allowWeak() if a legacy CA needs it";
      }
      try {
        new PbmParameters(owf, iterations.intValue(), mac, parameters.weakAllowed());
        return null;
      } catch (IllegalArgumentException e) {
        return "the answer has " + e.getMessage();
      }
    }

    private static String name(Map<String, ASN1ObjectIdentifier> names, AlgorithmIdentifier algorithm) {
      return names.entrySet().stream()
          .filter(entry -> entry.getValue().equals(algorithm.getAlgorithm()))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElse(null);
    }

    private static JcePKMACValuesCalculator calculator() {
      return new JcePKMACValuesCalculator().setProvider(bouncyCastle());
    }

    @Override
    public String toString() {
      return "Pbm[" + new String(reference, java.nio.charset.StandardCharsets.UTF_8) + "]";
    }
  }

  /** Signature protection with a credential; responses must be signed by a trusted certificate. */
  record Signature(Credential credential) implements Protection {
    @Override
    public GeneralName sender() {
      return new GeneralName(X500Name.getInstance(
          credential.certificate().getSubjectX500Principal().getEncoded()));
    }

    @Override
    public PKIMessage protect(ProtectedPKIMessageBuilder builder) throws GeneralSecurityException {
      try {
        builder.setSenderKID(KeyIdentifiers.subjectKeyIdentifier(credential.certificate())
            .orElseGet(() -> KeyIdentifiers.compute(credential.certificate().getPublicKey())));
        for (X509Certificate certificate : credential.chain()) {
          builder.addCMPCertificate(new JcaX509CertificateHolder(certificate));
        }
        Signer signer = credential.signer();
        return builder.build(new SignerAdapter(signer)).toASN1Structure();
      } catch (RuntimeOperatorException e) {
        throw SignerAdapter.signingFailure(e);
      } catch (CertificateEncodingException | CMPException e) {
        throw new GeneralSecurityException("cannot sign the CMP message: " + e.getMessage(), e);
      }
    }

    @Override
    public String problem(ProtectedPKIMessage response, List<X509Certificate> trustAnchors) {
      return signatureProblem(response, trustAnchors);
    }
  }

  /** A signature-protected answer: its signer's chain must reach a trust anchor. */
  static String signatureProblem(ProtectedPKIMessage response, List<X509Certificate> trustAnchors) {
    if (response.hasPasswordBasedMacProtection()) {
      return "the answer is MAC-protected, not signed as the request was";
    }
    X509CertificateHolder[] extraCerts = response.getCertificates();
    if (extraCerts.length == 0) {
      return "the signed answer carries no certificate to verify it with";
    }
    if (trustAnchors.isEmpty()) {
      return "no trust anchors to check the CA's signature with";
    }
    try {
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      List<X509Certificate> chain = new ArrayList<>();
      for (X509CertificateHolder holder : extraCerts) {
        chain.add(converter.getCertificate(holder));
      }
      X509Certificate signer = chain.get(0);
      if (!new GeneralName(extraCerts[0].getSubject()).equals(response.getHeader().getSender())) {
        return "the answer's sender is not its signer " + extraCerts[0].getSubject();
      }
      if (!trustAnchors.contains(signer)) {
        List<X509Certificate> path = new ArrayList<>();
        path.add(signer);
        chain.stream().skip(1).filter(c -> !trustAnchors.contains(c)).forEach(path::add);
        if (!ChainValidator.builder().trustAnchors(trustAnchors).build().validate(path).isValid()) {
          return "the answer's signer " + signer.getSubjectX500Principal().getName()
              + " does not chain to a trust anchor";
        }
      }
      return response.verify(new JcaContentVerifierProviderBuilder().setProvider(bouncyCastle())
          .build(signer)) ? null : "the answer's signature does not verify";
    } catch (java.security.cert.CertificateException | OperatorCreationException
        | CMPException e) {
      return "the answer's signature cannot be checked: " + e.getMessage();
    }
  }

  private static Provider bouncyCastle() {
    return ProviderStrategy.bouncyCastle().provider("Mac", "HmacSHA256");
  }
}
