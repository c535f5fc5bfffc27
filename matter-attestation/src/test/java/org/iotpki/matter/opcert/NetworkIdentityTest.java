// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Signature;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.matter.internal.EcdsaSignatures;
import org.iotpki.matter.testing.ChipVectors;
import org.junit.jupiter.api.Test;

/** The compact-pdc-identity form of connectedhomeip's PDCID01, byte-exact, and its rigid fields. */
class NetworkIdentityTest {
  @Test
  void theCompactFormReadsAsTheFullCertificate() throws Exception {
    OperationalCertificate compact = OperationalCertificates.decodeTlv(ChipVectors.hex("PDCID01.compact.tlv.hex"));
    assertThat(compact).isEqualTo(OperationalCertificates.decodeTlv(ChipVectors.tlv("PDCID01")));
    assertThat(OperationalCertificates.encodeDer(compact)).isEqualTo(ChipVectors.der("PDCID01"));
    assertThat(OperationalCertificates.isNetworkIdentity(compact)).isTrue();
    assertThat(OperationalCertificates.encodeCompactTlv(compact)).isEqualTo(ChipVectors.hex("PDCID01.compact.tlv.hex"));
    assertThat(OperationalCertificates.networkIdentity(compact.publicKey(), compact.signature())).isEqualTo(compact);
  }

  @Test
  void itIsSelfSignedWithTheKeyItCarries() throws Exception {
    OperationalCertificate identity = OperationalCertificates.decodeDer(ChipVectors.der("PDCID01"));
    Signature verifier = Signature.getInstance("SHA256withECDSA", ProviderStrategy.bouncyCastle().provider("Signature", "SHA256withECDSA"));
    verifier.initVerify(OperationalCertificates.publicKey(identity));
    verifier.update(OperationalCertificates.tbsDer(identity));
    assertThat(verifier.verify(EcdsaSignatures.toDer(identity.signature()))).isTrue();
  }

  @Test
  void onlyANetworkIdentityHasACompactForm() throws Exception {
    OperationalCertificate noc = OperationalCertificates.decodeTlv(ChipVectors.tlv("Node01_01"));
    assertThat(OperationalCertificates.isNetworkIdentity(noc)).isFalse();
    assertThatThrownBy(() -> OperationalCertificates.encodeCompactTlv(noc)).isInstanceOf(IllegalArgumentException.class);
  }
}
