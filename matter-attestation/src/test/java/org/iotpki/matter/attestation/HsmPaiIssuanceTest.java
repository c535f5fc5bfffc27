// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;
import org.iotpki.core.audit.AuditVerification;
import org.iotpki.core.audit.FileAuditTrail;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.keys.TokenKey;
import org.iotpki.core.keys.TokenKeys;
import org.iotpki.core.testing.SoftHsm;
import org.iotpki.matter.issuance.DacCredential;
import org.iotpki.matter.issuance.MatterCa;
import org.iotpki.matter.issuance.MatterPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DAC batch signed by a PAI key that stays in a PKCS#11 token (SoftHSM2 through SunPKCS11). */
class HsmPaiIssuanceTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void aBatchSignedOnTheTokenPassesTheMatterVerifierAndLinter() throws Exception {
    MatterCa paa = MatterPki.createPaa("Acme PAA", OptionalInt.of(0xFFF1), FROM, FROM.plusSeconds(20L * 365 * 86400));
    TokenKeys token = SoftHsm.token().open();
    TokenKey paiKey = token.generate("pai-" + UUID.randomUUID(), KeyAlgorithm.EC_P256);
    MatterCa pai = MatterCa.of(
        paa.issuePaiCertificate(paiKey.certificate().getPublicKey(), "Acme PAI", 0xFFF1, OptionalInt.of(0x8000),
            FROM, FROM.plusSeconds(10L * 365 * 86400)),
        paiKey.privateKey(),
        token.providers());
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      serials.add(String.format(Locale.ROOT, "SN-%06d", i));
    }

    List<DacCredential> batch;
    try (FileAuditTrail audit = FileAuditTrail.open(dir.resolve("batch.audit"))) {
      batch = pai.issueBatch(0xFFF1, 0x8000, serials, audit, "line-1");
      assertThat(audit.verify()).isInstanceOfSatisfying(
          AuditVerification.Intact.class, intact -> assertThat(intact.records()).isEqualTo(200));
    }

    assertThat(paiKey.privateKey().getEncoded()).isNull();
    assertThat(MatterCertificateLinter.lint(pai.certificate(), AttestationCertType.PAI)).isEmpty();
    DeviceAttestationVerifier verifier = DeviceAttestationVerifier.builder()
        .paaTrustStore(PaaTrustStore.of(List.of(paa.certificate())))
        .cdSigningKeys(CdSigningKeys.none())
        .clock(Clock.systemUTC()) // the batch issues from now
        .build();
    assertThat(batch).hasSize(200).allSatisfy(device -> {
      AttestationVerification outcome =
          verifier.verify(DeviceCredentials.of(pai.certificate().getEncoded(), device.dac().getEncoded()));
      assertThat(outcome.result()).as(outcome.toString()).isEqualTo(AttestationResult.SUCCESS);
      assertThat(MatterCertificateLinter.lint(device.dac(), AttestationCertType.DAC)).isEmpty();
    });
  }
}
