// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotpki.matter.attestation.AttestationResult.*;
import static org.iotpki.matter.attestation.TestAttestationPki.PID;
import static org.iotpki.matter.attestation.TestAttestationPki.VID;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.iotpki.matter.attestation.TestAttestationPki.Chain;
import org.iotpki.matter.attestation.TestAttestationPki.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each field of a conforming PAA -> PAI -> DAC chain broken on its own: the verifier answers with
 * the SDK's code for it, never an exception, and the linter names the broken rule.
 */
class ProfileMutationTest {
  private static final Instant EARLY = Instant.parse("2020-01-01T00:00:00Z");
  private static final int CA_USAGE = KeyUsage.keyCertSign | KeyUsage.cRLSign;

  static Stream<Arguments> mutations() {
    Spec paa = Spec.paa();
    Spec pai = Spec.pai();
    Spec dac = Spec.dac();
    return Stream.of(
        Arguments.of("conforming chain", paa, pai, dac, SUCCESS),
        Arguments.of("PAA without pathLenConstraint", paa.basicConstraints(true, true, null), pai, dac, SUCCESS),
        Arguments.of("CA keyUsage with digitalSignature", paa, pai.keyUsage(true, CA_USAGE | KeyUsage.digitalSignature),
            dac, SUCCESS),
        Arguments.of("legacy Mvid/Mpid in the DAC's CN", paa, pai, dac.subject("CN=Test DAC Mvid:FFF1 Mpid:8000"), SUCCESS),
        Arguments.of("PAI without PID", paa, pai.subject("CN=Test PAI," + VID + "=FFF1"), dac, SUCCESS),
        Arguments.of("DAC on P-384", paa, pai, dac.curve("secp384r1"), DAC_FORMAT_INVALID),
        Arguments.of("PAI signed with ecdsa-with-SHA384", paa, pai.signatureAlgorithm("SHA384withECDSA"), dac,
            PAI_FORMAT_INVALID),
        Arguments.of("DAC signed with ecdsa-with-SHA384", paa, pai, dac.signatureAlgorithm("SHA384withECDSA"),
            DAC_FORMAT_INVALID),
        Arguments.of("PAI pathLenConstraint 1", paa, pai.basicConstraints(true, true, 1), dac, PAI_FORMAT_INVALID),
        Arguments.of("PAI without pathLenConstraint", paa, pai.basicConstraints(true, true, null), dac,
            PAI_FORMAT_INVALID),
        Arguments.of("PAI basicConstraints not critical", paa, pai.basicConstraints(false, true, 0), dac,
            PAI_FORMAT_INVALID),
        Arguments.of("DAC is a CA", paa, pai, dac.basicConstraints(true, true, null), DAC_FORMAT_INVALID),
        Arguments.of("DAC with a pathLenConstraint", paa, pai, dac.basicConstraints(true, false, 0), DAC_FORMAT_INVALID),
        Arguments.of("DAC basicConstraints not critical", paa, pai, dac.basicConstraints(false, false, null),
            DAC_FORMAT_INVALID),
        Arguments.of("DAC without basicConstraints", paa, pai, dac.basicConstraints(null, false, null),
            DAC_FORMAT_INVALID),
        Arguments.of("DAC keyUsage with keyCertSign", paa, pai,
            dac.keyUsage(true, KeyUsage.digitalSignature | KeyUsage.keyCertSign), DAC_FORMAT_INVALID),
        Arguments.of("DAC keyUsage not critical", paa, pai, dac.keyUsage(false, KeyUsage.digitalSignature),
            DAC_FORMAT_INVALID),
        Arguments.of("DAC without keyUsage", paa, pai, dac.keyUsage(null, 0), DAC_FORMAT_INVALID),
        Arguments.of("PAI keyUsage without cRLSign", paa, pai.keyUsage(true, KeyUsage.keyCertSign), dac,
            PAI_FORMAT_INVALID),
        Arguments.of("PAI keyUsage with keyEncipherment", paa, pai.keyUsage(true, CA_USAGE | KeyUsage.keyEncipherment),
            dac, PAI_FORMAT_INVALID),
        Arguments.of("DAC without subjectKeyIdentifier", paa, pai, dac.skid(null, 20), DAC_FORMAT_INVALID),
        Arguments.of("DAC subjectKeyIdentifier of 8 bytes", paa, pai, dac.skid(false, 8), DAC_FORMAT_INVALID),
        Arguments.of("DAC subjectKeyIdentifier critical", paa, pai, dac.skid(true, 20), DAC_FORMAT_INVALID),
        Arguments.of("DAC without authorityKeyIdentifier", paa, pai, dac.akid(null, 20), DAC_FORMAT_INVALID),
        Arguments.of("PAI without authorityKeyIdentifier", paa, pai.akid(null, 20), dac, PAI_FORMAT_INVALID),
        Arguments.of("PAI authorityKeyIdentifier critical", paa, pai.akid(true, 20), dac, PAI_FORMAT_INVALID),
        Arguments.of("DAC vendor ID lower-case hex", paa, pai, dac.subject("CN=DAC," + VID + "=fff1," + PID + "=8000"),
            DAC_FORMAT_INVALID),
        Arguments.of("PAI vendor ID of 5 digits", paa, pai.subject("CN=PAI," + VID + "=FFF10"), dac, PAI_FORMAT_INVALID),
        Arguments.of("DAC with two vendor IDs", paa, pai,
            dac.subject("CN=DAC," + VID + "=FFF1," + VID + "=FFF1," + PID + "=8000"), DAC_FORMAT_INVALID),
        Arguments.of("DAC vendor ID differs from the PAI's", paa, pai,
            dac.subject("CN=DAC," + VID + "=FFF2," + PID + "=8000"), DAC_VENDOR_ID_MISMATCH),
        Arguments.of("PAI without vendor ID", paa, pai.subject("CN=PAI"), dac, DAC_VENDOR_ID_MISMATCH),
        Arguments.of("DAC without product ID", paa, pai.subject("CN=PAI," + VID + "=FFF1"),
            dac.subject("CN=DAC," + VID + "=FFF1"), DAC_PRODUCT_ID_MISMATCH),
        Arguments.of("DAC product ID differs from the PAI's", paa, pai,
            dac.subject("CN=DAC," + VID + "=FFF1," + PID + "=8001"), DAC_PRODUCT_ID_MISMATCH),
        Arguments.of("PAA vendor ID differs from the PAI's", paa.subject("CN=PAA," + VID + "=FFF2"), pai, dac,
            PAI_VENDOR_ID_MISMATCH),
        Arguments.of("PAA with a product ID", paa.subject("CN=PAA," + VID + "=FFF1," + PID + "=8000"), pai, dac,
            PAA_FORMAT_INVALID),
        Arguments.of("DAC expired", paa, pai, dac.validity(TestAttestationPki.NOT_BEFORE, Instant.parse("2025-01-01T00:00:00Z")),
            DAC_EXPIRED),
        Arguments.of("DAC not yet valid", paa, pai, dac.validity(Instant.parse("2027-01-01T00:00:00Z"),
            TestAttestationPki.NOT_AFTER), DAC_EXPIRED),
        Arguments.of("PAI expired before the DAC was issued", paa,
            pai.validity(EARLY, Instant.parse("2023-12-31T00:00:00Z")), dac, DAC_SIGNATURE_INVALID),
        Arguments.of("PAI expired after the DAC was issued (valid by the SDK's rule)", paa,
            pai.validity(EARLY, Instant.parse("2025-01-01T00:00:00Z")), dac, SUCCESS),
        Arguments.of("PAA not yet valid when the DAC was issued", paa.validity(Instant.parse("2024-06-01T00:00:00Z"),
            TestAttestationPki.NOT_AFTER), pai, dac, DAC_SIGNATURE_INVALID));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void eachMutationGivesTheSdkCode(String name, Spec paa, Spec pai, Spec dac, AttestationResult expected)
      throws Exception {
    Chain chain = TestAttestationPki.chain(paa, pai, dac);

    AttestationVerification outcome = verifierTrusting(chain).verify(
        DeviceCredentials.of(chain.pai().der(), chain.dac().der()));

    assertThat(outcome.result()).as(outcome.toString()).isEqualTo(expected);
  }

  @Test
  void theLinterNamesTheBrokenRule() throws Exception {
    Chain chain = TestAttestationPki.chain(Spec.paa(), Spec.pai(),
        Spec.dac().keyUsage(false, KeyUsage.digitalSignature | KeyUsage.keyCertSign).skid(false, 8));

    List<LintFinding> findings = MatterCertificateLinter.lint(chain.dac().certificate(), AttestationCertType.DAC);

    assertThat(findings).extracting(LintFinding::rule).containsExactly("key-usage", "key-usage", "subject-key-id");
    assertThat(MatterCertificateLinter.lint(chain.pai().certificate(), AttestationCertType.PAI)).isEmpty();
    assertThat(MatterCertificateLinter.lint(chain.paa().certificate(), AttestationCertType.PAA)).isEmpty();
  }

  @Test
  void aPaiExpiredAfterIssuanceFailsWhenTheChainIsCheckedAtAGivenInstant() throws Exception {
    Chain chain = TestAttestationPki.chain(Spec.paa(),
        Spec.pai().validity(EARLY, Instant.parse("2025-01-01T00:00:00Z")), Spec.dac());

    AttestationVerification outcome = verifierTrusting(chain).verify(
        DeviceCredentials.of(chain.pai().der(), chain.dac().der()), TestAttestationPki.NOW);

    assertThat(outcome).isInstanceOfSatisfying(AttestationVerification.Failed.class, failed -> {
      assertThat(failed.result()).isEqualTo(DAC_SIGNATURE_INVALID);
      assertThat(failed.failing()).isEqualTo(AttestationElement.PAI);
      assertThat(failed.message()).contains("EXPIRED");
    });
  }

  @Test
  void aDacSignedByAnotherKeyIsDacSignatureInvalid() throws Exception {
    Chain chain = TestAttestationPki.valid();
    Chain other = TestAttestationPki.valid();
    // other's DAC carries the same names but is signed by another PAI key.
    Chain mixed = new Chain(chain.paa(), chain.pai(), other.dac());

    AttestationVerification outcome = verifierTrusting(chain).verify(
        DeviceCredentials.of(mixed.pai().der(), mixed.dac().der()));

    assertThat(outcome.result()).isEqualTo(DAC_SIGNATURE_INVALID);
  }

  @Test
  void anUnknownPaaIsPaaNotFound() throws Exception {
    Chain chain = TestAttestationPki.valid();
    Chain stranger = TestAttestationPki.valid();

    AttestationVerification outcome = verifierTrusting(stranger).verify(
        DeviceCredentials.of(chain.pai().der(), chain.dac().der()));

    assertThat(outcome.result()).isEqualTo(PAA_NOT_FOUND);
  }

  @Test
  void emptyOrGarbageCertificatesAreCodesNotExceptions() throws Exception {
    Chain chain = TestAttestationPki.valid();
    DeviceAttestationVerifier verifier = verifierTrusting(chain);

    assertThat(verifier.verify(DeviceCredentials.of(new byte[0], chain.dac().der())).result()).isEqualTo(PAI_MISSING);
    assertThat(verifier.verify(DeviceCredentials.of(chain.pai().der(), new byte[] {0x30, 0x03, 1, 2, 3})).result())
        .isEqualTo(DAC_FORMAT_INVALID);
    assertThat(verifier.verify(DeviceCredentials.of(new byte[] {(byte) 0xFF}, chain.dac().der())).result())
        .isEqualTo(PAI_FORMAT_INVALID);
  }

  static DeviceAttestationVerifier verifierTrusting(Chain chain) {
    return DeviceAttestationVerifier.builder()
        .paaTrustStore(PaaTrustStore.of(List.of(chain.paa().certificate())))
        .clock(Clock.fixed(TestAttestationPki.NOW, ZoneOffset.UTC))
        .build();
  }
}
