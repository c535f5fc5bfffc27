// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.testing.ChipVectors;
import org.iotpki.matter.tlv.TlvFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/** Byte-exact conversion of every connectedhomeip test certificate, both ways. */
class ChipVectorsRoundTripTest {
  static final java.util.List<String> CERTIFICATES = ChipVectors.CERTIFICATES;

  @ParameterizedTest
  @FieldSource("CERTIFICATES")
  void tlvToDerGivesTheirDer(String name) throws Exception {
    assertThat(OperationalCertificates.tlvToDer(ChipVectors.tlv(name))).isEqualTo(ChipVectors.der(name));
  }

  @ParameterizedTest
  @FieldSource("CERTIFICATES")
  void derToTlvGivesTheirTlv(String name) throws Exception {
    assertThat(OperationalCertificates.derToTlv(ChipVectors.der(name))).isEqualTo(ChipVectors.tlv(name));
  }

  @ParameterizedTest
  @FieldSource("CERTIFICATES")
  void roundTripsBothWays(String name) throws Exception {
    byte[] tlv = ChipVectors.tlv(name);
    byte[] der = ChipVectors.der(name);
    assertThat(OperationalCertificates.derToTlv(OperationalCertificates.tlvToDer(tlv))).isEqualTo(tlv);
    assertThat(OperationalCertificates.tlvToDer(OperationalCertificates.derToTlv(der))).isEqualTo(der);
    assertThat(OperationalCertificates.decodeDer(der)).isEqualTo(OperationalCertificates.decodeTlv(tlv));
  }

  @ParameterizedTest
  @FieldSource("CERTIFICATES")
  void theJdkReadsTheDerWeWrite(String name) throws Exception {
    OperationalCertificate certificate = OperationalCertificates.decodeTlv(ChipVectors.tlv(name));
    X509Certificate x509 = OperationalCertificates.toX509Certificate(certificate);
    assertThat(x509.getEncoded()).isEqualTo(ChipVectors.der(name));
    assertThat(OperationalCertificates.fromX509Certificate(x509)).isEqualTo(certificate);
    assertThat(OperationalCertificates.publicKey(certificate).getEncoded()).isEqualTo(x509.getPublicKey().getEncoded());
  }

  @Test
  void decodesTheFieldsOfNode02_04() throws Exception {
    OperationalCertificate noc = OperationalCertificates.decodeTlv(ChipVectors.tlv("Node02_04"));
    assertThat(noc.subject().matterId(DnAttributeType.MATTER_NODE_ID)).hasValue(0xDEDEDEDE00020004L);
    assertThat(noc.subject().matterId(DnAttributeType.MATTER_FABRIC_ID)).hasValue(0xFAB000000000001DL);
    assertThat(noc.subject().ids(DnAttributeType.MATTER_NOC_CAT)).containsExactly(0xABCE1002L, 0xABCD0003L);
    assertThat(noc.subject().attributes()).contains(DnAttribute.text(DnAttributeType.COMMON_NAME, "TestCert02_04"));
    assertThat(noc.issuer().matterId(DnAttributeType.MATTER_ICAC_ID)).hasValue(0xCACACACA00000004L);
    assertThat(noc.basicConstraints()).hasValueSatisfying(bc -> assertThat(bc.ca()).isFalse());
    assertThat(noc.keyUsage()).hasValueSatisfying(ku -> assertThat(ku.bits()).isEqualTo(OpCertExtension.KeyUsage.DIGITAL_SIGNATURE));
    assertThat(noc.extendedKeyUsage()).hasValueSatisfying(eku -> assertThat(eku.purposes())
        .containsExactly(ExtendedKeyPurpose.CLIENT_AUTH, ExtendedKeyPurpose.SERVER_AUTH));
    assertThat(noc.notBeforeInstant()).hasToString("2020-10-15T14:23:43Z");
    assertThat(noc.notAfterInstant()).hasValueSatisfying(t -> assertThat(t).hasToString("2040-10-15T14:23:42Z"));
  }

  @Test
  void noExpiryIsZeroInTlvAnd9999InDer() throws Exception {
    OperationalCertificate root = OperationalCertificates.decodeTlv(ChipVectors.tlv("Root03"));
    assertThat(root.notAfter()).isZero();
    assertThat(root.notAfterInstant()).isEmpty();
    assertThat(PkiReader.defaults().readCertificate(ChipVectors.der("Root03")).getNotAfter().toInstant())
        .hasToString("9999-12-31T23:59:59Z");
  }

  @Test
  void futureExtensionsKeepTheirDerAndOrder() throws Exception {
    OperationalCertificate noc = OperationalCertificates.decodeTlv(ChipVectors.tlv("Node02_06"));
    assertThat(noc.extensions()).last().isInstanceOf(OpCertExtension.Future.class);
    assertThat(noc.extensions().stream().map(OpCertExtension::oid))
        .containsExactly("2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.14", "2.5.29.35", "2.5.29.17", "1.3.6.1.5.5.7.1.1");
  }

  @Test
  void aCommonProfileTagWhereAContextTagBelongsIsRejected() {
    // connectedhomeip's Node01_01_Err01: the subjectKeyIdentifier extension tagged common-profile.
    assertThatThrownBy(() -> OperationalCertificates.decodeTlv(ChipVectors.tlv("Node01_01_Err01")))
        .isInstanceOf(MatterCertificateFormatException.class)
        .hasMessageContaining("unknown extension tag common:1262");
  }

  @Test
  void truncatedTlvIsATlvFormatException() {
    byte[] tlv = ChipVectors.tlv("Node01_01");
    byte[] truncated = java.util.Arrays.copyOf(tlv, tlv.length - 10);
    assertThatThrownBy(() -> OperationalCertificates.decodeTlv(truncated)).isInstanceOf(TlvFormatException.class);
  }
}
