// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.cert.KeyPurpose;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.matter.testing.ChipVectors;
import org.junit.jupiter.api.Test;

/** DER certificates without a Matter TLV form are refused with {@link NoTlvFormException}, saying why. */
class NoTlvFormTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String NODE = "1.3.6.1.4.1.37244.1.1=#0C10" + hex("DEDEDEDE00010001");

  private static String hex(String ascii) {
    return java.util.HexFormat.of().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static CertificateBuilder builder(KeyPair key, String subject) {
    return CertificateBuilder.create().subject(subject).publicKey(key.getPublic())
        .validity(START, START.plusSeconds(86_400)).basicConstraints(BasicConstraints.caUnlimited());
  }

  private static void assertNoTlvForm(byte[] der, String reason) {
    assertThatThrownBy(() -> OperationalCertificates.decodeDer(der))
        .isInstanceOf(NoTlvFormException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void anotherKeyTypeOrSignatureAlgorithm() throws Exception {
    KeyPair ed25519 = KeyPairs.generate(KeyAlgorithm.ED25519);
    assertNoTlvForm(builder(ed25519, NODE).sign(Signer.of(ed25519)).getEncoded(), "only ecdsa-with-SHA256");
    KeyPair p384 = KeyPairs.generate(KeyAlgorithm.EC_P384);
    assertNoTlvForm(builder(p384, NODE).sign(Signer.of(p384)).getEncoded(), "only ecdsa-with-SHA256");
  }

  @Test
  void aNonCriticalExtendedKeyUsage() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    X509Certificate certificate = builder(key, NODE).extendedKeyUsage(KeyPurpose.CLIENT_AUTH).sign(Signer.of(key));
    assertNoTlvForm(certificate.getEncoded(), "2.5.29.37 (it must be critical)");
  }

  @Test
  void anAttributeOutsideTheMatterTableOrAMatterIdThatIsNotUpperHex() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    assertNoTlvForm(builder(key, "EMAILADDRESS=a@b.c").sign(Signer.of(key)).getEncoded(), "not in the Matter DN table");
    String lowerHex = "1.3.6.1.4.1.37244.1.1=#0C10" + hex("dededede00010001");
    assertNoTlvForm(builder(key, lowerHex).sign(Signer.of(key)).getEncoded(), "upper-case hex digits");
    String multiValued = "CN=a+O=b";
    assertNoTlvForm(builder(key, multiValued).sign(Signer.of(key)).getEncoded(), "multi-valued RDNs have no TLV form");
  }

  @Test
  void aTimeBefore2000() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    byte[] der = builder(key, NODE).validity(Instant.parse("1999-01-01T00:00:00Z"), START).sign(Signer.of(key)).getEncoded();
    assertNoTlvForm(der, "outside what Matter time holds");
  }

  @Test
  void trailingBytesOrALongFormLengthInsteadOfTheShortest() {
    byte[] der = ChipVectors.der("Root01");
    assertNoTlvForm(Arrays.copyOf(der, der.length + 1), "unexpected data after the certificate");
    byte[] truncated = Arrays.copyOf(der, der.length - 1);
    assertNoTlvForm(truncated, "exceeds the remaining");
  }

  @Test
  void anyReencodingDifferenceIsCaughtWithItsOffset() {
    // Root01 with the 20-byte SKID extension marked explicitly non-critical (BOOLEAN FALSE): valid BER,
    // not DER, and not what a TLV certificate converts to.
    byte[] der = ChipVectors.der("Root01");
    int skid = indexOf(der, new byte[] {0x30, 0x1d, 0x06, 0x03, 0x55, 0x1d, 0x0e});
    assertThat(skid).isPositive();
    byte[] mutated = new byte[der.length + 3];
    System.arraycopy(der, 0, mutated, 0, skid + 7);
    System.arraycopy(new byte[] {0x01, 0x01, 0x00}, 0, mutated, skid + 7, 3);
    System.arraycopy(der, skid + 7, mutated, skid + 10, der.length - skid - 7);
    assertThatThrownBy(() -> OperationalCertificates.decodeDer(mutated)).isInstanceOf(NoTlvFormException.class);
  }

  @Test
  void aCertificateBuilderCertificateWithMatterFieldsHasATlvForm() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    X509Certificate certificate = builder(key, "1.3.6.1.4.1.37244.1.4=#0C10" + hex("CACACACA00000001")).sign(Signer.of(key));
    OperationalCertificate rcac = OperationalCertificates.fromX509Certificate(certificate);
    assertThat(rcac.subject().matterId(DnAttributeType.MATTER_RCAC_ID)).hasValue(0xCACACACA00000001L);
    assertThat(OperationalCertificates.tlvToDer(OperationalCertificates.encodeTlv(rcac))).isEqualTo(certificate.getEncoded());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
