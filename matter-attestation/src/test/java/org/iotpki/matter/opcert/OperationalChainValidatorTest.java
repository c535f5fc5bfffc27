// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.iotpki.matter.testing.ChipVectors;
import org.iotpki.matter.testing.TestFabric;
import org.iotpki.matter.testing.TestFabric.Template;
import org.junit.jupiter.api.Test;

class OperationalChainValidatorTest {
  private static final Instant AT = Instant.parse("2026-11-24T00:00:00Z");
  private static final OperationalChainValidator VALIDATOR = OperationalChainValidator.defaults();

  private final TestFabric fabric = new TestFabric();

  private static OperationalCertificate chip(String name) throws Exception {
    return OperationalCertificates.decodeTlv(ChipVectors.tlv(name));
  }

  @Test
  void connectedhomeipChainsAreValid() throws Exception {
    assertThat(VALIDATOR.validate(chip("Node01_01"), chip("ICA01"), chip("Root01"), AT))
        .isEqualTo(new OperationalChainResult.Valid(0xDEDEDEDE00010001L, 0xFAB000000000001DL, List.of()));
    assertThat(VALIDATOR.validate(chip("Node01_02"), chip("Root01"), AT).isValid()).isTrue();
    assertThat(VALIDATOR.validate(chip("Node02_04"), chip("ICA02"), chip("Root02"), AT))
        .isEqualTo(new OperationalChainResult.Valid(0xDEDEDEDE00020004L, 0xFAB000000000001DL, List.of(0xABCE1002L, 0xABCD0003L)));
    for (String noc : List.of("Node02_01", "Node02_02", "Node02_03", "Node02_05", "Node02_06")) {
      assertThat(VALIDATOR.validate(chip(noc), chip("ICA02"), chip("Root02"), AT).isValid()).as(noc).isTrue();
    }
  }

  @Test
  void aNocUnderTheWrongIcacNamesTheIssuerMismatch() throws Exception {
    assertInvalid(VALIDATOR.validate(chip("Node02_01"), chip("ICA01"), chip("Root01"), AT),
        OperationalChainFailure.ISSUER_MISMATCH, CertificateRole.NOC);
  }

  @Test
  void anIcacWithAnotherFabricIdIsAMismatch() throws Exception {
    // Root01 names no fabric; ICA01 neither; Node01_01 names FAB..1D. Root02's fabric is FAB..1D too,
    // so build one that differs.
    Template icac = fabric.icac();
    icac.subject = new DistinguishedName(List.of(
        DnAttribute.matterId(DnAttributeType.MATTER_ICAC_ID, 3), DnAttribute.matterId(DnAttributeType.MATTER_FABRIC_ID, 0x42)));
    OperationalCertificate icacCert = TestFabric.sign(icac, fabric.rcacKey);
    Template noc = fabric.noc(icac.subject, fabric.icacKey.getPublic());
    assertInvalid(VALIDATOR.validate(TestFabric.sign(noc, fabric.icacKey), icacCert, rcac(), AT),
        OperationalChainFailure.FABRIC_ID_MISMATCH, CertificateRole.ICAC);
  }

  @Test
  void aGeneratedChainIsValidWithAndWithoutIcac() {
    assertThat(VALIDATOR.validate(noc(t -> {}), icac(), rcac(), AT).isValid()).isTrue();
    Template direct = fabric.noc(TestFabric.rcacName(), fabric.rcacKey.getPublic());
    assertThat(VALIDATOR.validate(TestFabric.sign(direct, fabric.rcacKey), rcac(), AT).isValid()).isTrue();
  }

  @Test
  void eachNocRuleNamesItsReason() {
    nocFails(t -> t.subject = TestFabric.nocName(DnAttribute.matterId(DnAttributeType.MATTER_ICAC_ID, 7)),
        OperationalChainFailure.WRONG_CERTIFICATE_TYPE);
    nocFails(t -> t.subject = DistinguishedName.of(
            DnAttribute.matterId(DnAttributeType.MATTER_NODE_ID, 0xFFFFFFFF00000001L),
            DnAttribute.matterId(DnAttributeType.MATTER_FABRIC_ID, TestFabric.FABRIC_ID)),
        OperationalChainFailure.INVALID_NODE_ID);
    nocFails(t -> t.subject = DistinguishedName.of(DnAttribute.matterId(DnAttributeType.MATTER_NODE_ID, 5)),
        OperationalChainFailure.INVALID_FABRIC_ID);
    nocFails(t -> t.subject = TestFabric.nocName(DnAttribute.matterId(DnAttributeType.MATTER_NOC_CAT, 0xABCD0000L)),
        OperationalChainFailure.INVALID_CASE_AUTHENTICATED_TAG);
    nocFails(t -> t.subject = TestFabric.nocName(
            DnAttribute.matterId(DnAttributeType.MATTER_NOC_CAT, 0xABCD0001L),
            DnAttribute.matterId(DnAttributeType.MATTER_NOC_CAT, 0xABCD0002L)),
        OperationalChainFailure.INVALID_CASE_AUTHENTICATED_TAG);
    nocFails(t -> t.without(OpCertExtension.SubjectKeyId.class), OperationalChainFailure.MISSING_EXTENSION);
    nocFails(t -> t.without(OpCertExtension.ExtendedKeyUsage.class), OperationalChainFailure.MISSING_EXTENSION);
    nocFails(t -> t.with(new OpCertExtension.BasicConstraints(true, OptionalInt.empty())), OperationalChainFailure.CA_NOT_ALLOWED);
    nocFails(t -> t.with(new OpCertExtension.BasicConstraints(false, OptionalInt.of(0))), OperationalChainFailure.CA_NOT_ALLOWED);
    nocFails(t -> t.with(new OpCertExtension.KeyUsage(OpCertExtension.KeyUsage.DIGITAL_SIGNATURE | OpCertExtension.KeyUsage.KEY_CERT_SIGN)),
        OperationalChainFailure.KEY_USAGE_NOT_ALLOWED);
    nocFails(t -> t.with(new OpCertExtension.ExtendedKeyUsage(List.of(ExtendedKeyPurpose.CLIENT_AUTH))),
        OperationalChainFailure.EXTENDED_KEY_USAGE_NOT_ALLOWED);
    nocFails(t -> t.with(new OpCertExtension.AuthorityKeyId(new byte[20])), OperationalChainFailure.KEY_IDENTIFIER_MISMATCH);
    nocFails(t -> t.notBefore = TestFabric.NOT_AFTER - 1, OperationalChainFailure.NOT_YET_VALID);
    nocFails(t -> t.notAfter = TestFabric.NOT_BEFORE + 1, OperationalChainFailure.EXPIRED);
  }

  @Test
  void aSignatureByAnotherKeyIsInvalid() {
    OperationalCertificate noc = TestFabric.sign(fabric.noc(TestFabric.icacName(), fabric.icacKey.getPublic()), fabric.rcacKey);
    assertInvalid(VALIDATOR.validate(noc, icac(), rcac(), AT), OperationalChainFailure.SIGNATURE_INVALID, CertificateRole.NOC);
  }

  @Test
  void caRulesNameTheirReasonAndCertificate() {
    Template icac = fabric.icac().with(new OpCertExtension.BasicConstraints(true, OptionalInt.of(2)));
    assertInvalid(VALIDATOR.validate(noc(t -> {}), TestFabric.sign(icac, fabric.rcacKey), rcac(), AT),
        OperationalChainFailure.PATH_LENGTH_EXCEEDED, CertificateRole.ICAC);
    Template notCa = fabric.icac().with(new OpCertExtension.BasicConstraints(false, OptionalInt.empty()));
    assertInvalid(VALIDATOR.validate(noc(t -> {}), TestFabric.sign(notCa, fabric.rcacKey), rcac(), AT),
        OperationalChainFailure.NOT_A_CA, CertificateRole.ICAC);
    Template noCertSign = fabric.icac().with(new OpCertExtension.KeyUsage(OpCertExtension.KeyUsage.CRL_SIGN));
    assertInvalid(VALIDATOR.validate(noc(t -> {}), TestFabric.sign(noCertSign, fabric.rcacKey), rcac(), AT),
        OperationalChainFailure.KEY_USAGE_NOT_ALLOWED, CertificateRole.ICAC);
    Template rootWithCat = fabric.rcac();
    rootWithCat.subject = DistinguishedName.of(DnAttribute.matterId(DnAttributeType.MATTER_RCAC_ID, 1),
        DnAttribute.matterId(DnAttributeType.MATTER_NOC_CAT, 0x00010001));
    assertInvalid(VALIDATOR.validate(noc(t -> {}), icac(), TestFabric.sign(rootWithCat, fabric.rcacKey), AT),
        OperationalChainFailure.INVALID_CASE_AUTHENTICATED_TAG, CertificateRole.RCAC);
    Template rootPathZero = fabric.rcac().with(new OpCertExtension.BasicConstraints(true, OptionalInt.of(0)));
    assertInvalid(VALIDATOR.validate(noc(t -> {}), icac(), TestFabric.sign(rootPathZero, fabric.rcacKey), AT),
        OperationalChainFailure.PATH_LENGTH_EXCEEDED, CertificateRole.RCAC);
    Template notSelfIssued = fabric.rcac();
    notSelfIssued.issuer = TestFabric.icacName();
    assertInvalid(VALIDATOR.validate(noc(t -> {}), icac(), TestFabric.sign(notSelfIssued, fabric.rcacKey), AT),
        OperationalChainFailure.ISSUER_MISMATCH, CertificateRole.RCAC);
  }

  @Test
  void anRcacIsTheTrustAnchorButItsSelfSignatureIsChecked() {
    OperationalCertificate forged = TestFabric.sign(fabric.rcac(), fabric.icacKey);
    assertInvalid(VALIDATOR.validate(noc(t -> {}), icac(), forged, AT), OperationalChainFailure.SIGNATURE_INVALID, CertificateRole.RCAC);
  }

  private OperationalCertificate rcac() {
    return TestFabric.sign(fabric.rcac(), fabric.rcacKey);
  }

  private OperationalCertificate icac() {
    return TestFabric.sign(fabric.icac(), fabric.rcacKey);
  }

  private OperationalCertificate noc(Consumer<Template> change) {
    Template t = fabric.noc(TestFabric.icacName(), fabric.icacKey.getPublic());
    change.accept(t);
    return TestFabric.sign(t, fabric.icacKey);
  }

  private void nocFails(Consumer<Template> change, OperationalChainFailure reason) {
    assertInvalid(VALIDATOR.validate(noc(change), icac(), rcac(), AT), reason, CertificateRole.NOC);
  }

  private static void assertInvalid(OperationalChainResult result, OperationalChainFailure reason, CertificateRole role) {
    assertThat(result).isInstanceOfSatisfying(OperationalChainResult.Invalid.class, invalid -> {
      assertThat(invalid.reason()).as(invalid.message()).isEqualTo(reason);
      assertThat(invalid.certificate()).as(invalid.message()).isEqualTo(role);
    });
  }
}
