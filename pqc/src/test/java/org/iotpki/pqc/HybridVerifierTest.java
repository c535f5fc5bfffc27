// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.validation.ChainValidator;
import org.junit.jupiter.api.Test;

class HybridVerifierTest {
  private static final Instant NOW = Instant.now();

  private static CertificateBuilder template(String subject, KeyPair key) {
    return CertificateBuilder.create().subject(subject).publicKey(key.getPublic()).validity(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(30)));
  }

  @Test
  void catalystCertificatesCarryTwoSignaturesAndLegacyVerifiersStillAcceptThem() throws Exception {
    KeyPair rootEc = KeyPairs.generate(KeyAlgorithm.EC_P256);
    KeyPair rootPq = KeyPairs.generate(KeyAlgorithm.ML_DSA_65);
    X509Certificate root = template("CN=Catalyst Root", rootEc)
        .basicConstraints(BasicConstraints.caUnlimited())
        .subjectAltPublicKey(rootPq.getPublic())
        .signCatalyst(Signer.of(rootEc), Signer.of(rootPq));
    KeyPair deviceKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    X509Certificate device = template("CN=device", deviceKey).issuer(root).signCatalyst(Signer.of(rootEc), Signer.of(rootPq));

    HybridVerification catalyst = HybridVerifier.of(HybridPolicy.CATALYST).verify(device, root);
    HybridVerification selfSigned = HybridVerifier.of(HybridPolicy.CATALYST).verify(root, root);
    HybridVerification legacy = HybridVerifier.of(HybridPolicy.CLASSICAL_ONLY).verify(device, root);

    assertThat(catalyst.accepted()).as(catalyst.message()).isTrue();
    assertThat(catalyst.components()).extracting(HybridVerification.Component::name).containsExactly("classical", "alternative");
    assertThat(catalyst.components()).allSatisfy(c -> assertThat(c.result().isValid()).isTrue());
    assertThat(catalyst.components().get(1).algorithmOid()).isEqualTo("2.16.840.1.101.3.4.3.18");
    assertThat(selfSigned.accepted()).isTrue();
    assertThat(legacy.accepted()).isTrue();
    assertThat(ChainValidator.builder().trustAnchor(root).build().validate(List.of(device)).isValid()).isTrue();
    device.verify(root.getPublicKey()); // the JDK, a legacy verifier, checks the classical signature
  }

  @Test
  void aWrongAlternativeSignatureFailsTheCatalystPolicyButNotTheLegacyOne() throws Exception {
    KeyPair rootEc = KeyPairs.generate(KeyAlgorithm.EC_P256);
    KeyPair rootPq = KeyPairs.generate(KeyAlgorithm.ML_DSA_44);
    X509Certificate root = template("CN=Catalyst Root", rootEc)
        .basicConstraints(BasicConstraints.caUnlimited())
        .subjectAltPublicKey(rootPq.getPublic())
        .signCatalyst(Signer.of(rootEc), Signer.of(rootPq));
    KeyPair impostor = KeyPairs.generate(KeyAlgorithm.ML_DSA_44);
    // iotpki refuses to sign with an alternative key that is not the issuer's ...
    assertThatThrownBy(() -> template("CN=device", KeyPairs.generate(KeyAlgorithm.EC_P256)).issuer(root)
            .signCatalyst(Signer.of(rootEc), Signer.of(impostor)))
        .isInstanceOf(IllegalArgumentException.class);
    // ... so build such a certificate with BouncyCastle directly.
    var bc = ProviderStrategy.bouncyCastle().provider("Signature", "SHA256withECDSA");
    byte[] der = new X509v3CertificateBuilder(
            X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), BigInteger.TEN,
            Date.from(NOW.minusSeconds(60)), Date.from(NOW.plus(Duration.ofDays(1))), new X500Name("CN=forged"),
            SubjectPublicKeyInfo.getInstance(KeyPairs.generate(KeyAlgorithm.EC_P256).getPublic().getEncoded()))
        .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(rootEc.getPrivate()), false,
            new JcaContentSignerBuilder("ML-DSA-44").setProvider(bc).build(impostor.getPrivate()))
        .getEncoded();
    X509Certificate forged = PkiReader.defaults().readCertificate(der);

    HybridVerification catalyst = HybridVerifier.of(HybridPolicy.CATALYST).verify(forged, root);

    assertThat(catalyst.accepted()).isFalse();
    assertThat(catalyst.components().get(0).result().isValid()).isTrue();
    assertThat(catalyst.components().get(1).result().isValid()).isFalse();
    assertThat(catalyst.message()).startsWith("alternative signature");
    assertThat(HybridVerifier.of(HybridPolicy.CLASSICAL_ONLY).verify(forged, root).accepted()).isTrue();
  }

  @Test
  void policiesRequireTheirKindOfSignature() throws Exception {
    KeyPair mlDsa = KeyPairs.generate(KeyAlgorithm.ML_DSA_44);
    KeyPair composite = KeyPairs.generate(KeyAlgorithm.MLDSA44_ECDSA_P256_SHA256);
    KeyPair ec = KeyPairs.generate(KeyAlgorithm.EC_P256);
    X509Certificate pq = template("CN=pq", mlDsa).basicConstraints(BasicConstraints.caUnlimited()).sign(Signer.of(mlDsa));
    X509Certificate hybrid = template("CN=composite", composite).basicConstraints(BasicConstraints.caUnlimited()).sign(Signer.of(composite));
    X509Certificate classical = template("CN=ec", ec).basicConstraints(BasicConstraints.caUnlimited()).sign(Signer.of(ec));

    assertThat(HybridVerifier.of(HybridPolicy.PQ_ONLY).verify(pq, pq).accepted()).isTrue();
    assertThat(HybridVerifier.of(HybridPolicy.COMPOSITE).verify(hybrid, hybrid).accepted()).isTrue();
    assertThat(HybridVerifier.of(HybridPolicy.CLASSICAL_ONLY).verify(classical, classical).accepted()).isTrue();
    assertThat(HybridVerifier.of(HybridPolicy.PQ_ONLY).verify(classical, classical).accepted()).isFalse();
    assertThat(HybridVerifier.of(HybridPolicy.COMPOSITE).verify(pq, pq).accepted()).isFalse();
    assertThat(HybridVerifier.of(HybridPolicy.CLASSICAL_ONLY).verify(hybrid, hybrid).accepted()).isFalse();
    HybridVerification noAlternative = HybridVerifier.of(HybridPolicy.CATALYST).verify(classical, classical);
    assertThat(noAlternative.accepted()).isFalse();
    assertThat(noAlternative.message()).contains("no alternative signature");
  }
}
