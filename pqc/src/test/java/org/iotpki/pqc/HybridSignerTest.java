// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.junit.jupiter.api.Test;

/** HybridSigner signs what HybridVerifier, under the same policy, accepts; and nothing else. */
class HybridSignerTest {
  private static final Instant NOW = Instant.now();
  private static final KeyPair EC = KeyPairs.generate(KeyAlgorithm.EC_P256);
  private static final KeyPair ML_DSA = KeyPairs.generate(KeyAlgorithm.ML_DSA_44);
  private static final KeyPair COMPOSITE = KeyPairs.generate(KeyAlgorithm.MLDSA44_ECDSA_P256_SHA256);

  @Test
  void everyPolicySignsACaAndDeviceThatItsVerifierAccepts() throws Exception {
    for (HybridSigner ca : new HybridSigner[] {
        HybridSigner.classicalOnly(Signer.of(EC)), HybridSigner.pqOnly(Signer.of(ML_DSA)),
        HybridSigner.composite(Signer.of(COMPOSITE)), HybridSigner.catalyst(Signer.of(EC), Signer.of(ML_DSA))}) {
      CertificateBuilder rootTemplate = template("CN=" + ca.policy() + " Root", ca.publicKey())
          .basicConstraints(BasicConstraints.caUnlimited());
      ca.alternativePublicKey().ifPresent(rootTemplate::subjectAltPublicKey);
      X509Certificate root = ca.sign(rootTemplate);
      X509Certificate device = ca.sign(template("CN=device", KeyPairs.generate(KeyAlgorithm.EC_P256).getPublic()).issuer(root));

      HybridVerification result = HybridVerifier.of(ca.policy()).verify(device, root);

      assertThat(result.accepted()).as("%s: %s", ca, result.message()).isTrue();
      assertThat(HybridVerifier.of(ca.policy()).verify(root, root).accepted()).isTrue();
      assertThat(result.components()).hasSize(ca.policy() == HybridPolicy.COMPOSITE || ca.policy() == HybridPolicy.CATALYST ? 2 : 1);
    }
  }

  @Test
  void signersMustBeOfThePolicysKind() {
    assertThatThrownBy(() -> HybridSigner.classicalOnly(Signer.of(ML_DSA))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HybridSigner.pqOnly(Signer.of(COMPOSITE))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HybridSigner.composite(Signer.of(ML_DSA))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HybridSigner.catalyst(Signer.of(ML_DSA), Signer.of(ML_DSA))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HybridSigner.catalyst(Signer.of(EC), Signer.of(EC))).isInstanceOf(IllegalArgumentException.class);
  }

  private static CertificateBuilder template(String subject, java.security.PublicKey key) {
    return CertificateBuilder.create().subject(subject).publicKey(key).validity(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(30)));
  }
}
