// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.cert.KeyUsage;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.HandMade;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.testing.Vectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChainValidatorTest {
  private static final Instant DURING = Issuer.NOW.plus(Duration.ofDays(30));
  private static Issuer root;
  private static Issuer intermediate;
  private static Issuer leaf;

  @BeforeAll
  static void chain() throws Exception {
    root = Issuer.root("CN=Root", KeyAlgorithm.EC_P256);
    intermediate = root.intermediate("CN=Intermediate");
    leaf = intermediate.leaf("CN=device-1");
  }

  private static ChainValidator trusting(X509Certificate anchor) {
    return ChainValidator.builder().trustAnchor(anchor).build();
  }

  @Test
  void validatesAChainEndingUnderTheAnchor() {
    ChainResult result =
        trusting(root.certificate()).validate(List.of(leaf.certificate(), intermediate.certificate()), DURING);

    assertThat(result).isInstanceOfSatisfying(
        ChainResult.Valid.class,
        valid -> assertThat(valid.path())
            .containsExactly(leaf.certificate(), intermediate.certificate(), root.certificate()));
  }

  @Test
  void validatesAChainThatIncludesTheAnchor() {
    ChainResult result =
        trusting(root.certificate())
            .validate(List.of(leaf.certificate(), intermediate.certificate(), root.certificate()), DURING);

    assertThat(result.isValid()).isTrue();
  }

  @Test
  void validatesThePublishedMatterTestChain() throws Exception {
    PkiReader reader = PkiReader.defaults();
    X509Certificate paa = reader.readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-PAA-FFF1-Cert.pem"));
    X509Certificate pai = reader.readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-PAI-FFF1-8000-Cert.pem"));
    X509Certificate dac = reader.readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-DAC-FFF1-8000-0000-Cert.pem"));

    ChainResult result = trusting(paa).validate(List.of(dac, pai), Instant.parse("2030-01-01T00:00:00Z"));

    assertThat(result.isValid()).as("%s", result).isTrue();
  }

  @Test
  void rejectsTheMatterChainWithOneSignatureByteFlipped() throws Exception {
    PkiReader reader = PkiReader.defaults();
    X509Certificate paa = reader.readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-PAA-FFF1-Cert.pem"));
    X509Certificate pai = reader.readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-PAI-FFF1-8000-Cert.pem"));
    byte[] dac = Vectors.bytes("connectedhomeip/Chip-Test-DAC-FFF1-8000-0000-Cert.der");
    dac[dac.length - 5] ^= 0x01; // inside the ECDSA signature's s integer
    X509Certificate tampered = reader.readCertificate(dac);

    ChainResult result = trusting(paa).validate(List.of(tampered, pai), Instant.parse("2030-01-01T00:00:00Z"));

    assertInvalid(result, ChainFailure.SIGNATURE_INVALID, 0);
  }

  @Test
  void rejectsAChainNoAnchorIssued() throws Exception {
    Issuer otherRoot = Issuer.root("CN=Other Root", KeyAlgorithm.EC_P256);

    ChainResult result =
        trusting(otherRoot.certificate()).validate(List.of(leaf.certificate(), intermediate.certificate()), DURING);

    assertInvalid(result, ChainFailure.UNTRUSTED_ROOT, 1);
  }

  @Test
  void rejectsAnAnchorWithTheRightNameButAnotherKey() throws Exception {
    Issuer impostor = Issuer.root("CN=Root", KeyAlgorithm.EC_P256);

    ChainResult result =
        trusting(impostor.certificate()).validate(List.of(leaf.certificate(), intermediate.certificate()), DURING);

    assertInvalid(result, ChainFailure.SIGNATURE_INVALID, 1);
  }

  @Test
  void rejectsExpiredAndNotYetValidCertificatesAtTheGivenInstant() {
    ChainValidator validator = trusting(root.certificate());
    List<X509Certificate> chain = List.of(leaf.certificate(), intermediate.certificate());

    assertInvalid(validator.validate(chain, Issuer.NOW.minusSeconds(1)), ChainFailure.NOT_YET_VALID, 2);
    assertInvalid(validator.validate(chain, Issuer.NOW.plus(Duration.ofDays(366))), ChainFailure.EXPIRED, 2);
  }

  @Test
  void usesTheInjectedClockWhenNoInstantIsGiven() {
    ChainValidator validator =
        ChainValidator.builder()
            .trustAnchor(root.certificate())
            .clock(java.time.Clock.fixed(Issuer.NOW.plus(Duration.ofDays(400)), java.time.ZoneOffset.UTC))
            .build();

    assertInvalid(
        validator.validate(List.of(leaf.certificate(), intermediate.certificate())), ChainFailure.EXPIRED, 2);
  }

  @Test
  void rejectsAChainWhoseIssuerNameDoesNotChain() throws Exception {
    Issuer stranger = root.intermediate("CN=Stranger");

    ChainResult result =
        trusting(root.certificate()).validate(List.of(leaf.certificate(), stranger.certificate()), DURING);

    assertInvalid(result, ChainFailure.ISSUER_NAME_MISMATCH, 0);
  }

  @Test
  void rejectsAnEndEntityThatIssuedACertificate() throws Exception {
    Issuer notCa = intermediate.leaf("CN=Not a CA");
    X509Certificate rogue = HandMade.signedBy(notCa, "CN=rogue", leaf.keyPair().getPublic(), b -> {});

    ChainResult result =
        trusting(root.certificate())
            .validate(List.of(rogue, notCa.certificate(), intermediate.certificate()), DURING);

    assertInvalid(result, ChainFailure.NOT_A_CA, 1);
  }

  @Test
  void enforcesPathLengthConstraints() throws Exception {
    Issuer limited = root.issue("CN=Limited", KeyAlgorithm.EC_P256, b -> b.basicConstraints(BasicConstraints.ca(0)));
    Issuer below = limited.intermediate("CN=Below");
    Issuer device = below.leaf("CN=device");

    ChainResult result =
        trusting(root.certificate())
            .validate(List.of(device.certificate(), below.certificate(), limited.certificate()), DURING);

    assertInvalid(result, ChainFailure.PATH_LENGTH_EXCEEDED, 2);
  }

  @Test
  void allowsExactlyThePathLength() throws Exception {
    Issuer limited = root.issue("CN=Limited", KeyAlgorithm.EC_P256, b -> b.basicConstraints(BasicConstraints.ca(1)));
    Issuer below = limited.intermediate("CN=Below");
    Issuer device = below.leaf("CN=device");

    assertThat(
            trusting(root.certificate())
                .validate(List.of(device.certificate(), below.certificate(), limited.certificate()), DURING)
                .isValid())
        .isTrue();
  }

  @Test
  void rejectsACaWithoutKeyCertSign() throws Exception {
    Issuer ca = root.intermediate("CN=CRL signer");
    X509Certificate crlSignOnly = HandMade.caWithKeyUsage(root, ca, KeyUsage.CRL_SIGN);
    Issuer device = ca.leaf("CN=device");

    ChainResult result = trusting(root.certificate()).validate(List.of(device.certificate(), crlSignOnly), DURING);

    assertInvalid(result, ChainFailure.KEY_CERT_SIGN_NOT_ALLOWED, 1);
  }

  @Test
  void rejectsUnprocessedCriticalExtensionsUnlessIgnoredByName() throws Exception {
    CertificateExtension vendor = new CertificateExtension("1.3.6.1.4.1.99999.1", true, new byte[] {0x05, 0x00});
    Issuer device = intermediate.issue("CN=device", KeyAlgorithm.EC_P256, b -> b.extension(vendor));
    List<X509Certificate> chain = List.of(device.certificate(), intermediate.certificate());

    assertInvalid(trusting(root.certificate()).validate(chain, DURING), ChainFailure.UNHANDLED_CRITICAL_EXTENSION, 0);
    assertThat(
            ChainValidator.builder()
                .trustAnchor(root.certificate())
                .ignoreCriticalExtension("1.3.6.1.4.1.99999.1")
                .build()
                .validate(chain, DURING)
                .isValid())
        .isTrue();
  }

  @Test
  void rejectsMismatchedKeyIdentifiers() throws Exception {
    Issuer device = intermediate.leaf("CN=device");
    // Same name and key as the real issuer, so names chain and the signature verifies, but the
    // leaf's authorityKeyIdentifier names another key identifier.
    X509Certificate sameKeyOtherSkid =
        HandMade.signedBy(
            root,
            intermediate.certificate().getSubjectX500Principal().getName(),
            intermediate.keyPair().getPublic(),
            b -> {
              try {
                b.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                    new org.bouncycastle.asn1.x509.BasicConstraints(true));
                b.addExtension(org.bouncycastle.asn1.x509.Extension.subjectKeyIdentifier, false,
                    new org.bouncycastle.asn1.x509.SubjectKeyIdentifier(new byte[] {1, 2, 3, 4}));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    ChainResult result = trusting(root.certificate()).validate(List.of(device.certificate(), sameKeyOtherSkid), DURING);

    assertInvalid(result, ChainFailure.KEY_IDENTIFIER_MISMATCH, 0);
  }

  @Test
  void rejectsChainsLongerThanTheLimit() {
    ChainValidator validator = ChainValidator.builder().trustAnchor(root.certificate()).maxChainLength(1).build();

    assertInvalid(
        validator.validate(List.of(leaf.certificate(), intermediate.certificate()), DURING),
        ChainFailure.CHAIN_TOO_LONG,
        1);
  }

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"EC_P384", "ED25519", "RSA_2048"})
  void validatesChainsOfEveryKeyAlgorithm(KeyAlgorithm algorithm) throws Exception {
    Issuer otherRoot = Issuer.root("CN=Root " + algorithm, algorithm);
    Issuer device = otherRoot.leaf("CN=device");

    assertThat(trusting(otherRoot.certificate()).validate(List.of(device.certificate()), DURING).isValid()).isTrue();
  }

  @Test
  void runsProfileRulesAfterTheCoreChecksWithTheirOwnCodes() {
    ChainRule noDevicesNamedOne =
        (path, time) ->
            path.get(0).getSubjectX500Principal().getName().equals("CN=device-1")
                ? Optional.of(new ChainResult.Invalid(ProfileReason.NAME_NOT_ALLOWED, 0, "device-1 is banned"))
                : Optional.empty();
    ChainValidator validator =
        ChainValidator.builder().trustAnchor(root.certificate()).rule(noDevicesNamedOne).build();

    ChainResult result = validator.validate(List.of(leaf.certificate(), intermediate.certificate()), DURING);

    assertInvalid(result, ProfileReason.NAME_NOT_ALLOWED, 0);
    // Core checks come first: an expired chain reports EXPIRED, not the rule.
    assertInvalid(
        validator.validate(List.of(leaf.certificate(), intermediate.certificate()), Issuer.NOW.plus(Duration.ofDays(999))),
        ChainFailure.EXPIRED,
        2);
  }

  @Test
  void refusesToBuildWithoutAnAnchorOrToValidateNothing() {
    assertThatThrownBy(() -> ChainValidator.builder().build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> trusting(root.certificate()).validate(List.of(), DURING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private enum ProfileReason implements ReasonCode {
    NAME_NOT_ALLOWED
  }

  private static void assertInvalid(ChainResult result, ReasonCode reason, int index) {
    assertThat(result).isInstanceOfSatisfying(
        ChainResult.Invalid.class,
        invalid -> {
          assertThat(invalid.reason()).as(invalid.message()).isEqualTo(reason);
          assertThat(invalid.certificateIndex()).as(invalid.message()).isEqualTo(index);
          assertThat(invalid.message()).isNotBlank();
        });
  }
}
