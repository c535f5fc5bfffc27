// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jcajce.CompositePublicKey;
import org.bouncycastle.jcajce.spec.ContextParameterSpec;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.validation.ChainFailure;
import org.iotpki.core.validation.SignatureResult;

/**
 * Verifies the ML-DSA and the traditional half of a composite ML-DSA signature separately, as the
 * LAMPS composite-signatures draft's Composite-ML-DSA.Verify does them one after the other: both
 * halves sign M' = Prefix || Label || len(ctx) || ctx || PH(M), the ML-DSA half with the Label as
 * its FIPS 204 context. Here ctx is empty, as in X.509.
 */
final class CompositeHalves {
  private static final byte[] PREFIX = "CompositeAlgorithmSignatures2025".getBytes(StandardCharsets.US_ASCII);
  private static final PSSParameterSpec PSS_SHA256 =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
  private static final PSSParameterSpec PSS_SHA384 =
      new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1);

  /** One composite algorithm's parameters (the draft's Section 7 table). */
  private record Profile(String label, String preHash, int mlDsaSignatureBytes, String traditionalJcaName,
      String traditionalOid, AlgorithmParameterSpec traditionalParameters) {}

  private static final Map<SignatureAlgorithm, Profile> PROFILES = Map.ofEntries(
      entry(SignatureAlgorithm.MLDSA44_RSA2048_PSS_SHA256, "MLDSA44-RSA2048-PSS-SHA256", "SHA-256", 2420, "RSASSA-PSS", "1.2.840.113549.1.1.10", PSS_SHA256),
      entry(SignatureAlgorithm.MLDSA44_RSA2048_PKCS15_SHA256, "MLDSA44-RSA2048-PKCS15-SHA256", "SHA-256", 2420, "SHA256withRSA", "1.2.840.113549.1.1.11", null),
      entry(SignatureAlgorithm.MLDSA44_ED25519_SHA512, "MLDSA44-Ed25519-SHA512", "SHA-512", 2420, "Ed25519", "1.3.101.112", null),
      entry(SignatureAlgorithm.MLDSA44_ECDSA_P256_SHA256, "MLDSA44-ECDSA-P256-SHA256", "SHA-256", 2420, "SHA256withECDSA", "1.2.840.10045.4.3.2", null),
      entry(SignatureAlgorithm.MLDSA65_RSA3072_PSS_SHA512, "MLDSA65-RSA3072-PSS-SHA512", "SHA-512", 3309, "RSASSA-PSS", "1.2.840.113549.1.1.10", PSS_SHA256),
      entry(SignatureAlgorithm.MLDSA65_RSA3072_PKCS15_SHA512, "MLDSA65-RSA3072-PKCS15-SHA512", "SHA-512", 3309, "SHA256withRSA", "1.2.840.113549.1.1.11", null),
      entry(SignatureAlgorithm.MLDSA65_RSA4096_PSS_SHA512, "MLDSA65-RSA4096-PSS-SHA512", "SHA-512", 3309, "RSASSA-PSS", "1.2.840.113549.1.1.10", PSS_SHA384),
      entry(SignatureAlgorithm.MLDSA65_RSA4096_PKCS15_SHA512, "MLDSA65-RSA4096-PKCS15-SHA512", "SHA-512", 3309, "SHA384withRSA", "1.2.840.113549.1.1.12", null),
      entry(SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512, "MLDSA65-ECDSA-P256-SHA512", "SHA-512", 3309, "SHA256withECDSA", "1.2.840.10045.4.3.2", null),
      entry(SignatureAlgorithm.MLDSA65_ECDSA_P384_SHA512, "MLDSA65-ECDSA-P384-SHA512", "SHA-512", 3309, "SHA384withECDSA", "1.2.840.10045.4.3.3", null),
      entry(SignatureAlgorithm.MLDSA65_ECDSA_BRAINPOOLP256R1_SHA512, "MLDSA65-ECDSA-BP256-SHA512", "SHA-512", 3309, "SHA256withECDSA", "1.2.840.10045.4.3.2", null),
      entry(SignatureAlgorithm.MLDSA65_ED25519_SHA512, "MLDSA65-Ed25519-SHA512", "SHA-512", 3309, "Ed25519", "1.3.101.112", null),
      entry(SignatureAlgorithm.MLDSA87_ECDSA_P384_SHA512, "MLDSA87-ECDSA-P384-SHA512", "SHA-512", 4627, "SHA384withECDSA", "1.2.840.10045.4.3.3", null),
      entry(SignatureAlgorithm.MLDSA87_ECDSA_BRAINPOOLP384R1_SHA512, "MLDSA87-ECDSA-BP384-SHA512", "SHA-512", 4627, "SHA384withECDSA", "1.2.840.10045.4.3.3", null),
      entry(SignatureAlgorithm.MLDSA87_ED448_SHAKE256, "MLDSA87-Ed448-SHAKE256", "SHAKE256-512", 4627, "Ed448", "1.3.101.113", null),
      entry(SignatureAlgorithm.MLDSA87_RSA3072_PSS_SHA512, "MLDSA87-RSA3072-PSS-SHA512", "SHA-512", 4627, "RSASSA-PSS", "1.2.840.113549.1.1.10", PSS_SHA256),
      entry(SignatureAlgorithm.MLDSA87_RSA4096_PSS_SHA512, "MLDSA87-RSA4096-PSS-SHA512", "SHA-512", 4627, "RSASSA-PSS", "1.2.840.113549.1.1.10", PSS_SHA384),
      entry(SignatureAlgorithm.MLDSA87_ECDSA_P521_SHA512, "MLDSA87-ECDSA-P521-SHA512", "SHA-512", 4627, "SHA512withECDSA", "1.2.840.10045.4.3.4", null));

  private CompositeHalves() {}

  private static Map.Entry<SignatureAlgorithm, Profile> entry(SignatureAlgorithm algorithm, String label, String preHash,
      int mlDsaSignatureBytes, String traditionalJcaName, String traditionalOid, AlgorithmParameterSpec parameters) {
    return Map.entry(algorithm, new Profile("COMPSIG-" + label, preHash, mlDsaSignatureBytes, traditionalJcaName,
        traditionalOid, parameters));
  }

  /**
   * The two halves' results, ML-DSA first. A key or signature that cannot be split makes both
   * halves invalid with the reason.
   */
  static List<HybridVerification.Component> verify(SignatureAlgorithm composite, PublicKey key, byte[] data, byte[] signature) {
    Profile profile = PROFILES.get(composite);
    if (profile == null) {
      throw new IllegalArgumentException(composite + " is not a composite ML-DSA algorithm");
    }
    String mlDsaOid = mlDsaOid(composite);
    List<PublicKey> components;
    try {
      components = new CompositePublicKey(SubjectPublicKeyInfo.getInstance(key.getEncoded())).getPublicKeys();
    } catch (RuntimeException e) {
      SignatureResult unusable = new SignatureResult.Invalid(ChainFailure.KEY_ALGORITHM_MISMATCH,
          "the key is not a usable " + composite + " key: " + e.getMessage());
      return List.of(new HybridVerification.Component("ml-dsa", mlDsaOid, unusable),
          new HybridVerification.Component("traditional", profile.traditionalOid(), unusable));
    }
    if (signature.length <= profile.mlDsaSignatureBytes()) {
      SignatureResult truncated = new SignatureResult.Invalid(ChainFailure.SIGNATURE_INVALID,
          "a " + composite + " signature is longer than " + profile.mlDsaSignatureBytes() + " bytes");
      return List.of(new HybridVerification.Component("ml-dsa", mlDsaOid, truncated),
          new HybridVerification.Component("traditional", profile.traditionalOid(), truncated));
    }
    byte[] message = messageRepresentative(profile, data);
    byte[] mlDsaHalf = Arrays.copyOfRange(signature, 0, profile.mlDsaSignatureBytes());
    byte[] traditionalHalf = Arrays.copyOfRange(signature, profile.mlDsaSignatureBytes(), signature.length);
    return List.of(
        new HybridVerification.Component("ml-dsa", mlDsaOid, half(composite, "ML-DSA", components.get(0),
            new ContextParameterSpec(profile.label().getBytes(StandardCharsets.US_ASCII)), message, mlDsaHalf)),
        new HybridVerification.Component("traditional", profile.traditionalOid(), half(composite,
            profile.traditionalJcaName(), components.get(1), profile.traditionalParameters(), message, traditionalHalf)));
  }

  private static SignatureResult half(SignatureAlgorithm composite, String jcaName, PublicKey key,
      AlgorithmParameterSpec parameters, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(jcaName, Bouncy.PROVIDER);
      verifier.initVerify(key);
      if (parameters != null) {
        verifier.setParameter(parameters);
      }
      verifier.update(message);
      return verifier.verify(signature)
          ? new SignatureResult.Valid(composite)
          : new SignatureResult.Invalid(ChainFailure.SIGNATURE_INVALID, "the " + jcaName + " half does not verify");
    } catch (GeneralSecurityException | RuntimeException e) {
      return new SignatureResult.Invalid(ChainFailure.SIGNATURE_INVALID, "the " + jcaName + " half is malformed: " + e.getMessage());
    }
  }

  /** M' = Prefix || Label || len(ctx) = 0 || PH(M). */
  private static byte[] messageRepresentative(Profile profile, byte[] data) {
    byte[] label = profile.label().getBytes(StandardCharsets.US_ASCII);
    byte[] hash;
    try {
      hash = MessageDigest.getInstance(profile.preHash(), Bouncy.PROVIDER).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("BouncyCastle has no " + profile.preHash(), e);
    }
    byte[] message = new byte[PREFIX.length + label.length + 1 + hash.length];
    System.arraycopy(PREFIX, 0, message, 0, PREFIX.length);
    System.arraycopy(label, 0, message, PREFIX.length, label.length);
    message[PREFIX.length + label.length] = 0;
    System.arraycopy(hash, 0, message, PREFIX.length + label.length + 1, hash.length);
    return message;
  }

  private static String mlDsaOid(SignatureAlgorithm composite) {
    String set = composite.name().substring("MLDSA".length(), "MLDSA".length() + 2);
    return SignatureAlgorithm.valueOf("ML_DSA_" + set).oid();
  }
}
