// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.pq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.validation.ChainFailure;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tampered signatures, wrong OIDs, wrong key sizes and truncated keys give iotpki's typed answers
 * (a {@link SignatureResult.Invalid} with its reason, a {@link PkiParseException}), never an
 * exception from BouncyCastle.
 */
class PostQuantumTypedErrorsTest {
  private static final byte[] DATA = "tbsCertificate".getBytes(StandardCharsets.US_ASCII);
  private static final SignatureVerifier VERIFIER = SignatureVerifier.bouncyCastle();

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "MLDSA44_ECDSA_P256_SHA256"})
  void tamperedAndTruncatedSignaturesAreInvalid(KeyAlgorithm algorithm) throws Exception {
    KeyPair pair = KeyPairs.generate(algorithm);
    byte[] signature = Signer.of(pair).sign(DATA);
    String oid = algorithm.oid();
    byte[] flipped = signature.clone();
    flipped[signature.length / 2] ^= 0x40;

    for (byte[] bad : new byte[][] {flipped, Arrays.copyOf(signature, signature.length - 1), new byte[0],
        Arrays.copyOf(signature, signature.length + 1)}) {
      assertThat(VERIFIER.verify(oid, pair.getPublic(), DATA, bad))
          .isInstanceOfSatisfying(SignatureResult.Invalid.class,
              invalid -> assertThat(invalid.reason()).as("%d bytes", bad.length).isEqualTo(ChainFailure.SIGNATURE_INVALID));
    }
  }

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"ML_DSA_44", "ML_DSA_87"})
  void wrongOidsAreUnsupportedOrMismatched(KeyAlgorithm algorithm) throws Exception {
    KeyPair pair = KeyPairs.generate(algorithm);
    byte[] signature = Signer.of(pair).sign(DATA);

    assertThat(reason(VERIFIER.verify("2.16.840.1.101.3.4.3.99", pair.getPublic(), DATA, signature)))
        .isEqualTo(ChainFailure.UNSUPPORTED_SIGNATURE_ALGORITHM);
    assertThat(reason(VERIFIER.verify(SignatureAlgorithm.ML_DSA_65.oid(), pair.getPublic(), DATA, signature)))
        .isEqualTo(ChainFailure.KEY_ALGORITHM_MISMATCH);
    assertThat(reason(VERIFIER.verify(SignatureAlgorithm.MLDSA44_ECDSA_P256_SHA256.oid(), pair.getPublic(), DATA, signature)))
        .isEqualTo(ChainFailure.KEY_ALGORITHM_MISMATCH);
    assertThat(reason(VERIFIER.verify(SignatureAlgorithm.ECDSA_SHA256.oid(), pair.getPublic(), DATA, signature)))
        .isEqualTo(ChainFailure.KEY_ALGORITHM_MISMATCH);
  }

  /** An ML-DSA-65 public key relabelled as ML-DSA-44 (1952 bytes where 1312 belong), and seeds of the wrong size. */
  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"ML_DSA_44", "ML_DSA_65"})
  void keysOfTheWrongSizeAreParseErrors(KeyAlgorithm algorithm) throws Exception {
    KeyAlgorithm other = algorithm == KeyAlgorithm.ML_DSA_44 ? KeyAlgorithm.ML_DSA_65 : KeyAlgorithm.ML_DSA_44;
    byte[] otherKey = SubjectPublicKeyInfo.getInstance(KeyPairs.generate(other).getPublic().getEncoded()).getPublicKeyData().getBytes();
    AlgorithmIdentifier id = new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.oid()));
    byte[] relabelled = new SubjectPublicKeyInfo(id, otherKey).getEncoded("DER");

    assertThatThrownBy(() -> PkiReader.defaults().readPublicKey(relabelled)).isInstanceOf(PkiParseException.class);
    for (int seedLength : new int[] {31, 33, 0}) {
      byte[] pkcs8 = new PrivateKeyInfo(id, new DERTaggedObject(false, 0, new DEROctetString(new byte[seedLength]))).getEncoded("DER");
      assertThatThrownBy(() -> PkiReader.defaults().readPrivateKey(pkcs8)).as("%d-byte seed", seedLength)
          .isInstanceOf(PkiParseException.class);
    }
    byte[] shortExpanded = new PrivateKeyInfo(id, new DEROctetString(new byte[2559])).getEncoded("DER");
    assertThatThrownBy(() -> PkiReader.defaults().readPrivateKey(shortExpanded)).isInstanceOf(PkiParseException.class);
  }

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"ML_DSA_44", "ML_DSA_87", "MLDSA65_ED25519_SHA512"})
  void truncatedPrivateKeysAreParseErrors(KeyAlgorithm algorithm) throws Exception {
    String pem = PemEncoder.privateKey(KeyPairs.generate(algorithm).getPrivate());
    byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));

    for (int cut : new int[] {1, der.length / 2, der.length - 8}) {
      byte[] truncated = Arrays.copyOf(der, der.length - cut);
      assertThatThrownBy(() -> PkiReader.defaults().readPrivateKey(truncated)).as("cut %d", cut)
          .isInstanceOf(PkiParseException.class);
      assertThatThrownBy(() -> PkiReader.defaults().readPrivateKey(PemEncoder.encode("PRIVATE KEY", truncated)
          .getBytes(StandardCharsets.US_ASCII))).isInstanceOf(PkiParseException.class);
    }
  }

  private static ChainFailure reason(SignatureResult result) {
    assertThat(result).isInstanceOf(SignatureResult.Invalid.class);
    return ((SignatureResult.Invalid) result).reason();
  }
}
