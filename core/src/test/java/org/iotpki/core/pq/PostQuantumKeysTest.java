// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.pq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.c509.C509Certificate;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.cert.CsrBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyFamily;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.validation.ChainFailure;
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ML-DSA and composite keys through core: generation, PEM, certificates, CSRs, chains, C509. */
class PostQuantumKeysTest {
  private static final java.time.Instant DURING = Issuer.NOW.plus(Duration.ofDays(1));

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"ML_DSA_.*", "MLDSA.*"}, mode = EnumSource.Mode.MATCH_ANY)
  void issuesAndValidatesCertificatesAndCsrsForEveryPostQuantumAlgorithm(KeyAlgorithm algorithm) throws Exception {
    KeyPair root = KeyPairs.generate(algorithm);
    assertThat(KeyAlgorithm.of(root.getPublic())).contains(algorithm);
    assertThat(KeyFamily.of(root.getPublic()).orElseThrow().isPostQuantum()).isTrue();

    X509Certificate ca =
        CertificateBuilder.create()
            .subject("CN=" + algorithm.displayName() + " Root")
            .publicKey(root.getPublic())
            .validity(Issuer.NOW, Issuer.NOW.plus(Duration.ofDays(30)))
            .basicConstraints(BasicConstraints.caUnlimited())
            .sign(Signer.of(root));
    KeyPair deviceKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    X509Certificate device =
        CertificateBuilder.create()
            .subject("CN=device")
            .publicKey(deviceKey.getPublic())
            .issuer(ca)
            .validity(Issuer.NOW, Issuer.NOW.plus(Duration.ofDays(30)))
            .sign(Signer.of(root));
    CertificationRequest csr = CsrBuilder.create().subject("CN=pq-device").sign(Signer.of(root));

    assertThat(ca.getSigAlgOID()).isEqualTo(algorithm.defaultSignatureAlgorithm().oid());
    assertThat(CertificateSummary.of(ca).publicKeyAlgorithm()).isEqualTo(algorithm.displayName());
    assertThat(ChainValidator.builder().trustAnchor(ca).build().validate(List.of(device), DURING).isValid()).isTrue();
    assertThat(SignatureVerifier.bouncyCastle().verify(csr).isValid()).isTrue();
    assertThat(C509Certificate.decode(C509Certificate.encode(ca).encoded()).toX509Certificate()).isEqualTo(ca);

    PrivateKey reread = PkiReader.defaults().readPrivateKey(PemEncoder.privateKey(root.getPrivate()).getBytes(StandardCharsets.US_ASCII));
    byte[] signature = Signer.of(new KeyPair(root.getPublic(), reread)).sign(new byte[] {1, 2, 3});
    assertThat(SignatureVerifier.bouncyCastle()
        .verify(algorithm.defaultSignatureAlgorithm().oid(), root.getPublic(), new byte[] {1, 2, 3}, signature).isValid())
        .isTrue();
  }

  @Test
  void aKeyOfAnotherParameterSetIsAKeyMismatchNotAnException() throws Exception {
    KeyPair mlDsa65 = KeyPairs.generate(KeyAlgorithm.ML_DSA_65);
    byte[] data = {1, 2, 3};
    byte[] signature = Signer.of(mlDsa65).sign(data);

    SignatureResult result = SignatureVerifier.bouncyCastle().verify(SignatureAlgorithm.ML_DSA_44.oid(), mlDsa65.getPublic(), data, signature);

    assertThat(result).isInstanceOfSatisfying(SignatureResult.Invalid.class,
        invalid -> assertThat(invalid.reason()).isEqualTo(ChainFailure.KEY_ALGORITHM_MISMATCH));
    assertThatThrownBy(() -> Signer.of(mlDsa65, SignatureAlgorithm.ML_DSA_44)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void truncatedAndCorruptedPostQuantumKeysAreTypedParseErrors() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.ML_DSA_44);
    byte[] spki = key.getPublic().getEncoded();
    byte[] shortKey = Arrays.copyOf(spki, spki.length - 100);
    shortKey[3] = (byte) (shortKey[3] - 100); // keep the DER lengths consistent: 0x30 82 LL LL
    shortKey[spki.length - 100 - 1] = 0; // whatever the last byte was

    assertThatThrownBy(() -> PkiReader.defaults().read(Arrays.copyOf(spki, spki.length - 1)))
        .isInstanceOf(PkiParseException.class);
    assertThatThrownBy(() -> PkiReader.defaults().readPublicKey(PemEncoder.encode("PUBLIC KEY", shortKey).getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PkiParseException.class);
  }

  @Test
  void aTamperedPostQuantumSignatureIsInvalid() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.MLDSA65_ECDSA_P256_SHA512);
    byte[] data = "firmware image".getBytes(StandardCharsets.US_ASCII);
    byte[] signature = Signer.of(key).sign(data);
    String oid = SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512.oid();

    assertThat(SignatureVerifier.bouncyCastle().verify(oid, key.getPublic(), data, signature).isValid()).isTrue();
    for (int index : new int[] {10, signature.length - 1}) { // ML-DSA half, traditional half
      byte[] tampered = signature.clone();
      tampered[index] ^= 0x01;
      assertThat(SignatureVerifier.bouncyCastle().verify(oid, key.getPublic(), data, tampered).isValid())
          .as("byte %d flipped", index).isFalse();
    }
  }
}
