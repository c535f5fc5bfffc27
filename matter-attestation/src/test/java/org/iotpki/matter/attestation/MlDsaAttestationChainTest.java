// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.matter.issuance.MatterCa;
import org.iotpki.matter.issuance.MatterPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Matter PQC phase 1: ML-DSA-44/65 PAAs and PAIs over a P-256 DAC, accepted only by a verifier
 * that opts in, with the chain rules of connectedhomeip's phase 1 (PR 73853): a PAI no stronger
 * than its PAA, no ML-DSA DAC.
 */
class MlDsaAttestationChainTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant UNTIL = FROM.plusSeconds(10L * 365 * 86400);
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @ParameterizedTest(name = "PAA {0}, PAI {1}, DAC P-256")
  @CsvSource({"ML_DSA_65, ML_DSA_65", "ML_DSA_65, ML_DSA_44", "ML_DSA_65, EC_P256", "ML_DSA_44, ML_DSA_44",
      "ML_DSA_44, EC_P256"})
  void theAllowedChainsVerifyOnlyWhenEnabled(KeyAlgorithm paaKey, KeyAlgorithm paiKey) throws Exception {
    MatterCa paa = MatterPki.createPaa("PQC PAA", OptionalInt.of(0xFFF1), FROM, UNTIL.plusSeconds(86400), paaKey);
    MatterCa pai = paa.issuePai("PQC PAI", 0xFFF1, OptionalInt.of(0x8000), FROM, UNTIL, paiKey);
    X509Certificate dac = pai.issueDac(KeyPairs.generate(KeyAlgorithm.EC_P256).getPublic(), 0xFFF1, 0x8000, "PQC DAC", FROM, MatterCa.NO_EXPIRATION);
    DeviceCredentials device = DeviceCredentials.of(pai.certificate().getEncoded(), dac.getEncoded());

    AttestationVerification enabled = verifier(paa, true).verify(device, NOW);
    AttestationVerification legacy = verifier(paa, false).verify(device, NOW);

    assertThat(enabled.result()).as(enabled.toString()).isEqualTo(AttestationResult.SUCCESS);
    assertThat(pai.certificate().getSigAlgOID()).isEqualTo(paaKey.oid());
    assertThat(legacy.result()).isEqualTo(AttestationResult.PAI_FORMAT_INVALID);
  }

  @ParameterizedTest(name = "PAA {0}, PAI {1}")
  @CsvSource({"ML_DSA_44, ML_DSA_65", "EC_P256, ML_DSA_65", "EC_P256, ML_DSA_44"})
  void aPaiStrongerThanItsPaaIsRefusedAndRejected(KeyAlgorithm paaKey, KeyAlgorithm paiKey) throws Exception {
    MatterCa paa = MatterPki.createPaa("PQC PAA", OptionalInt.of(0xFFF1), FROM, UNTIL.plusSeconds(86400), paaKey);
    assertThatThrownBy(() -> paa.issuePai("PQC PAI", 0xFFF1, OptionalInt.empty(), FROM, UNTIL, paiKey))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stronger");

    // Built around the issuer's refusal: the subject of a PAI it does issue, the stronger key.
    X509Certificate allowed = paa.issuePai("PQC PAI", 0xFFF1, OptionalInt.empty(), FROM, UNTIL, paaKey).certificate();
    KeyPair strongerKey = KeyPairs.generate(paiKey);
    X509Certificate stronger = CertificateBuilder.create().subject(allowed.getSubjectX500Principal())
        .publicKey(strongerKey.getPublic()).issuer(paa.certificate()).validity(FROM, UNTIL)
        .basicConstraints(BasicConstraints.ca(0))
        .sign(Signer.of(new KeyPair(paa.certificate().getPublicKey(), paa.credential().privateKey())));
    MatterCa strongerPai = MatterCa.of(stronger, strongerKey.getPrivate());
    X509Certificate dac = strongerPai.issueDac(KeyPairs.generate(KeyAlgorithm.EC_P256).getPublic(), 0xFFF1, 0x8000, "DAC", FROM, MatterCa.NO_EXPIRATION);

    AttestationVerification result = verifier(paa, true).verify(DeviceCredentials.of(stronger.getEncoded(), dac.getEncoded()), NOW);

    assertThat(result.result()).as(result.toString()).isEqualTo(AttestationResult.PAI_FORMAT_INVALID);
    assertThat(result.toString()).contains("stronger than its PAA");
  }

  @Test
  void theDacStaysP256() throws Exception {
    MatterCa paa = MatterPki.createPaa("PQC PAA", OptionalInt.of(0xFFF1), FROM, UNTIL.plusSeconds(86400), KeyAlgorithm.ML_DSA_44);
    MatterCa pai = paa.issuePai("PQC PAI", 0xFFF1, OptionalInt.of(0x8000), FROM, UNTIL, KeyAlgorithm.ML_DSA_44);

    assertThatThrownBy(() -> pai.issueDac(KeyPairs.generate(KeyAlgorithm.ML_DSA_44).getPublic(), 0xFFF1, 0x8000, "DAC"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-256");
    assertThatThrownBy(() -> MatterPki.createPaa("PAA", OptionalInt.empty(), FROM, UNTIL, KeyAlgorithm.ML_DSA_87))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DeviceAttestationVerifier verifier(MatterCa paa, boolean mlDsa) {
    DeviceAttestationVerifier.Builder builder = DeviceAttestationVerifier.builder()
        .paaTrustStore(PaaTrustStore.of(List.of(paa.certificate())))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    return (mlDsa ? builder.acceptMlDsaAttestationAuthorities() : builder).build();
  }
}
