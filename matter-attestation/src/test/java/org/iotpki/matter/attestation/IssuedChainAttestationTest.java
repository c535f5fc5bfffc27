package org.iotpki.matter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.iotpki.matter.issuance.MatterCa;
import org.iotpki.matter.issuance.MatterPki;
import org.junit.jupiter.api.Test;

/** What iotpki's factory issuance makes passes iotpki's attestation verifier and linter. */
class IssuedChainAttestationTest {
  @Test
  void anIssuedPaaPaiDacChainVerifiesAndLintsClean() throws Exception {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    MatterCa paa = MatterPki.createPaa("Acme PAA", OptionalInt.of(0xFFF1), from, from.plusSeconds(20L * 365 * 86400));
    MatterCa pai = paa.issuePai("Acme PAI", 0xFFF1, OptionalInt.of(0x8000), from, from.plusSeconds(10L * 365 * 86400));
    KeyPair device = TestAttestationPki.keyPair("secp256r1");
    var dac = pai.issueDac(device.getPublic(), 0xFFF1, 0x8000, "Acme DAC 000042");

    AttestationVerification outcome = DeviceAttestationVerifier.builder()
        .paaTrustStore(PaaTrustStore.of(List.of(paa.certificate())))
        .build()
        .verify(DeviceCredentials.of(pai.certificate().getEncoded(), dac.getEncoded()));

    assertThat(outcome.result()).as(outcome.toString()).isEqualTo(AttestationResult.SUCCESS);
    assertThat(MatterCertificateLinter.lint(paa.certificate(), AttestationCertType.PAA)).isEmpty();
    assertThat(MatterCertificateLinter.lint(pai.certificate(), AttestationCertType.PAI)).isEmpty();
    assertThat(MatterCertificateLinter.lint(dac, AttestationCertType.DAC)).isEmpty();
  }
}
