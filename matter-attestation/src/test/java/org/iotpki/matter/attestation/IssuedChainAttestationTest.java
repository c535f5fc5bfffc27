// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.matter.internal.Json;
import org.iotpki.matter.issuance.CdSigner;
import org.iotpki.matter.issuance.DacProvisioning;
import org.iotpki.matter.issuance.MatterCa;
import org.iotpki.matter.issuance.MatterPki;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What iotpki's factory issuance makes passes iotpki's attestation verifier and linter. */
class IssuedChainAttestationTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir Path dir;

  @ParameterizedTest(name = "PAA with VID: {0}, PAI with PID: {1}")
  @CsvSource({"true, true", "true, false", "false, true", "false, false"})
  void anIssuedPaaPaiDacChainVerifiesAndLintsClean(boolean paaHasVid, boolean paiHasPid) throws Exception {
    MatterCa paa = MatterPki.createPaa("Acme PAA", paaHasVid ? OptionalInt.of(0xFFF1) : OptionalInt.empty(),
        FROM, FROM.plusSeconds(20L * 365 * 86400));
    MatterCa pai = paa.issuePai("Acme PAI", 0xFFF1, paiHasPid ? OptionalInt.of(0x8000) : OptionalInt.empty(),
        FROM, FROM.plusSeconds(10L * 365 * 86400));
    KeyPair device = TestAttestationPki.keyPair("secp256r1");
    X509Certificate dac = pai.issueDac(device.getPublic(), 0xFFF1, 0x8000, "Acme DAC 000042", FROM, MatterCa.NO_EXPIRATION);

    AttestationVerification outcome = verifier(paa, CdSigningKeys.none())
        .verify(DeviceCredentials.of(pai.certificate().getEncoded(), dac.getEncoded()));

    assertThat(outcome.result()).as(outcome.toString()).isEqualTo(AttestationResult.SUCCESS);
    assertThat(MatterCertificateLinter.lint(paa.certificate(), AttestationCertType.PAA)).isEmpty();
    assertThat(MatterCertificateLinter.lint(pai.certificate(), AttestationCertType.PAI)).isEmpty();
    assertThat(MatterCertificateLinter.lint(dac, AttestationCertType.DAC)).isEmpty();
  }

  /**
   * The provisioning files of a device, with a CD from iotpki's signer, played back the way the
   * SDK's own commissioner-DUT vectors are: attestation elements signed with the exported raw key.
   */
  @ParameterizedTest(name = "PAI with PID: {0}")
  @CsvSource({"true", "false"})
  void provisionedFilesPassTheFullDeviceAttestation(boolean paiHasPid) throws Exception {
    MatterCa paa = MatterPki.createPaa("Acme PAA", OptionalInt.of(0xFFF1), FROM, FROM.plusSeconds(20L * 365 * 86400));
    MatterCa pai = paa.issuePai("Acme PAI", 0xFFF1, paiHasPid ? OptionalInt.of(0x8000) : OptionalInt.empty(),
        FROM, FROM.plusSeconds(10L * 365 * 86400));
    KeyPair device = TestAttestationPki.keyPair("secp256r1");
    X509Certificate dac = pai.issueDac(device.getPublic(), 0xFFF1, 0x8000, "Acme DAC 000042", FROM, MatterCa.NO_EXPIRATION);
    CdSigner cdSigner = MatterPki.createCdSigner("Acme Test CD Signer", FROM, FROM.plusSeconds(10L * 365 * 86400));
    byte[] cd = cdSigner.sign(new CertificationDeclaration(1, 0xFFF1, List.of(0x8000, 0x8001), 0x16,
        "ZIG20142ZB330003-24", 0, 0, 1, 0, OptionalInt.empty(), OptionalInt.empty(),
        Optional.of(List.of(HexFormat.of().parseHex(CertificateSummary.of(paa.certificate()).subjectKeyIdentifierHex().orElseThrow())))));
    new DacProvisioning(dac, Optional.of(device.getPrivate()), pai.certificate(), Optional.of(cd)).writeTo(dir.resolve("dev"));

    @SuppressWarnings("unchecked")
    Map<String, Object> vector = (Map<String, Object>) Json.parse(
        Files.readString(dir.resolve("dev").resolve(DacProvisioning.DAC_PROVIDER_JSON), StandardCharsets.UTF_8));
    AttestationVerification outcome = verifier(paa, cdSigner.signingKeys())
        .verify(CommissionerDutVectorsTest.attestationResponse(vector));
    AttestationVerification untrustedCd = verifier(paa, CdSigningKeys.none())
        .verify(CommissionerDutVectorsTest.attestationResponse(vector));

    assertThat(outcome.result()).as(outcome.toString()).isEqualTo(AttestationResult.SUCCESS);
    assertThat(untrustedCd.result()).isEqualTo(AttestationResult.CERTIFICATION_DECLARATION_NO_CERTIFICATE_FOUND);
  }

  private static DeviceAttestationVerifier verifier(MatterCa paa, CdSigningKeys cdSigningKeys) {
    return DeviceAttestationVerifier.builder()
        .paaTrustStore(PaaTrustStore.of(List.of(paa.certificate())))
        .cdSigningKeys(cdSigningKeys)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }
}
