// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cms;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyFamily;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.internal.Bc;
import org.iotpki.core.internal.SignerAdapter;

/**
 * CMS SignedData (RFC 5652) with encapsulated content and signed attributes, for any
 * {@link Signer}: ML-DSA per RFC 9882 (pure mode, SHA-512 message digest, no algorithm
 * parameters), composite ML-DSA, and the classical algorithms.
 *
 * <pre>{@code
 * byte[] cms = CmsSignedData.sign(content, signer, signerCertificate);
 * CmsVerification result = CmsSignedData.verify(cms, List.of(signerCertificate));
 * }</pre>
 */
public final class CmsSignedData {
  private static final String SHA256 = NISTObjectIdentifiers.id_sha256.getId();
  private static final String SHA384 = NISTObjectIdentifiers.id_sha384.getId();
  private static final String SHA512 = NISTObjectIdentifiers.id_sha512.getId();
  private static final String SHA3_256 = NISTObjectIdentifiers.id_sha3_256.getId();
  private static final String SHA3_384 = NISTObjectIdentifiers.id_sha3_384.getId();
  private static final String SHA3_512 = NISTObjectIdentifiers.id_sha3_512.getId();
  private static final String SHAKE128 = NISTObjectIdentifiers.id_shake128.getId();
  private static final String SHAKE256 = NISTObjectIdentifiers.id_shake256.getId();

  /** RFC 9882 Table 1, the SHA-2 and SHA-3 rows: digests as strong as each ML-DSA parameter set. */
  private static final Map<SignatureAlgorithm, Set<String>> ML_DSA_DIGESTS =
      Map.of(
          SignatureAlgorithm.ML_DSA_44,
          Set.of(SHA256, SHA384, SHA512, SHA3_256, SHA3_384, SHA3_512, SHAKE128, SHAKE256),
          SignatureAlgorithm.ML_DSA_65,
          Set.of(SHA384, SHA512, SHA3_384, SHA3_512, SHAKE256),
          SignatureAlgorithm.ML_DSA_87,
          Set.of(SHA512, SHA3_512, SHAKE256));

  private CmsSignedData() {}

  /**
   * Signs {@code content} as a DER SignedData: encapsulated id-data content, the signer
   * certificate, one SignerInfo naming it by issuer and serial number, and signed attributes
   * (content type, message digest, signing time, CMS algorithm protection). The message digest is
   * SHA-512 for ML-DSA and composite signers (RFC 9882), the signature's own hash otherwise.
   *
   * @throws IllegalArgumentException for a HashML-DSA signer (RFC 9882 allows only pure ML-DSA)
   * @throws GeneralSecurityException if the signer fails
   */
  public static byte[] sign(byte[] content, Signer signer, X509Certificate signerCertificate)
      throws GeneralSecurityException {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(signerCertificate, "signerCertificate");
    if (signer.algorithm().isPreHash()) {
      throw new IllegalArgumentException("CMS uses pure ML-DSA (RFC 9882), not " + signer.algorithm());
    }
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build())
              .setContentDigest(new AlgorithmIdentifier(new org.bouncycastle.asn1.ASN1ObjectIdentifier(digestOid(signer.algorithm()))))
              .build(new SignerAdapter(signer), new X509CertificateHolder(signerCertificate.getEncoded())));
      generator.addCertificates(new JcaCertStore(List.of(signerCertificate)));
      return generator.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
    } catch (RuntimeOperatorException e) {
      throw SignerAdapter.signingFailure(e);
    } catch (OperatorCreationException | CMSException | IOException | CertificateEncodingException e) {
      throw new GeneralSecurityException("cannot build the SignedData: " + e.getMessage(), e);
    }
  }

  /**
   * Verifies a DER SignedData with encapsulated content against the first SignerInfo whose signer
   * is among {@code signerCandidates} or the certificates it carries.
   *
   * @throws PkiParseException if the bytes are no SignedData or it has no encapsulated content
   */
  public static CmsVerification verify(byte[] der, Collection<X509Certificate> signerCandidates)
      throws PkiParseException {
    Objects.requireNonNull(der, "der");
    Objects.requireNonNull(signerCandidates, "signerCandidates");
    CMSSignedData signedData;
    byte[] content;
    List<X509CertificateHolder> candidates = new ArrayList<>();
    try {
      signedData = new CMSSignedData(der);
      if (signedData.getSignedContent() == null) {
        throw new PkiParseException("the SignedData has no encapsulated content");
      }
      content = (byte[]) signedData.getSignedContent().getContent();
      for (X509Certificate candidate : signerCandidates) {
        candidates.add(new X509CertificateHolder(candidate.getEncoded()));
      }
      candidates.addAll(signedData.getCertificates().getMatches(null));
    } catch (CMSException | IOException | CertificateEncodingException | RuntimeException e) {
      throw new PkiParseException("malformed CMS SignedData: " + e.getMessage(), e);
    }
    for (SignerInformation signerInfo : signedData.getSignerInfos().getSigners()) {
      for (X509CertificateHolder candidate : candidates) {
        if (signerInfo.getSID().match(candidate)) {
          return verify(signerInfo, candidate, content);
        }
      }
    }
    return new CmsVerification.Invalid(CmsFailure.SIGNER_NOT_FOUND,
        "no SignerInfo names one of the " + candidates.size() + " candidate certificates");
  }

  private static CmsVerification verify(SignerInformation signerInfo, X509CertificateHolder holder, byte[] content)
      throws PkiParseException {
    X509Certificate certificate = certificate(holder);
    String oid = signerInfo.getEncryptionAlgOID();
    Optional<SignatureAlgorithm> known = SignatureAlgorithm.fromOid(oid);
    if (known.isEmpty()) {
      return invalid(CmsFailure.UNSUPPORTED_SIGNATURE_ALGORITHM, "signature algorithm " + oid + " is not supported");
    }
    SignatureAlgorithm algorithm = known.get();
    if (!algorithm.isCompatibleWith(certificate.getPublicKey())) {
      return invalid(CmsFailure.KEY_ALGORITHM_MISMATCH, algorithm + " does not fit the signer certificate's key");
    }
    if (algorithm.keyFamily() == KeyFamily.ML_DSA) {
      if (algorithm.isPreHash()) {
        return invalid(CmsFailure.UNSUPPORTED_SIGNATURE_ALGORITHM, "RFC 9882 allows no HashML-DSA in CMS");
      }
      if (signerInfo.getEncryptionAlgParams() != null) {
        return invalid(CmsFailure.ALGORITHM_PARAMETERS_PRESENT, "the " + algorithm + " AlgorithmIdentifier has parameters");
      }
      if (signerInfo.getSignedAttributes() != null
          && !ML_DSA_DIGESTS.get(algorithm).contains(signerInfo.getDigestAlgOID())) {
        return invalid(CmsFailure.DIGEST_TOO_WEAK,
            "digest " + signerInfo.getDigestAlgOID() + " is weaker than " + algorithm + " (RFC 9882)");
      }
    }
    try {
      boolean valid = signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER).build(holder));
      return valid
          ? new CmsVerification.Valid(certificate, algorithm, signerInfo.getDigestAlgOID(), content)
          : invalid(CmsFailure.SIGNATURE_INVALID, algorithm + " signature does not verify");
    } catch (CMSSignerDigestMismatchException e) {
      return invalid(CmsFailure.MESSAGE_DIGEST_MISMATCH, "the message-digest attribute does not match the content");
    } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException | RuntimeException e) {
      // Missing mandatory attributes, a malformed signature value, an algorithm protection mismatch.
      return invalid(CmsFailure.SIGNATURE_INVALID, algorithm + " signature does not verify: " + e.getMessage());
    }
  }

  private static X509Certificate certificate(X509CertificateHolder holder) throws PkiParseException {
    try {
      return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(holder);
    } catch (java.security.cert.CertificateException | RuntimeException e) {
      throw new PkiParseException("unusable signer certificate: " + e.getMessage(), e);
    }
  }

  private static CmsVerification invalid(CmsFailure reason, String message) {
    return new CmsVerification.Invalid(reason, message);
  }

  private static String digestOid(SignatureAlgorithm algorithm) {
    if (algorithm.keyFamily().isPostQuantum()) {
      return SHA512;
    }
    switch (algorithm) {
      case ECDSA_SHA384:
      case RSA_PKCS1_SHA384:
        return SHA384;
      case ECDSA_SHA512:
      case ED25519:
      case RSA_PKCS1_SHA512:
        return SHA512;
      default:
        return SHA256;
    }
  }
}
