// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.iotpki.matter.testing.ChipVectors;
import org.iotpki.matter.tlv.TlvFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Root01 with one field broken: well-formed TLV that is not a Matter certificate is a
 * {@link MatterCertificateFormatException} naming the field; broken TLV is a {@link TlvFormatException}.
 */
class TlvCertificateErrorsTest {
  private static final String ROOT01 = HexFormat.of().formatHex(ChipVectors.tlv("Root01"));

  private static byte[] patched(String from, String to) {
    assertThat(ROOT01).contains(from);
    return HexFormat.of().parseHex(ROOT01.replaceFirst(from, to));
  }

  @ParameterizedTest
  @CsvSource({
    "signature algorithm, 240201, 240202, unsupported signature algorithm",
    "curve, 240801, 240802, unsupported elliptic curve",
    "key algorithm, 240701, 240709, unsupported public key algorithm",
    "printable flag on an id, 2714, 2794, with the PrintableString flag",
    "unknown DN attribute, 2714, 277f, unknown tag 127",
    "serial as an integer, 300108534c458273623514, 2401ff, expected serial number",
    "notAfter before notBefore, 26056eb5b94c, 26050100000a, is not before notAfter",
    "unknown extension, 300414cc13, 300714cc13, unknown extension tag 7",
    "short key id, 300414cc1308af82cfee505eb23b57bfe86a311665535f, 300413cc1308af82cfee505eb23b57bfe86a3116655353, subjectKeyIdentifier of 19 bytes",
    "key usage bits, 240260, 250200f0, unknown keyUsage bits",
    "isCA missing, 3501290118, 3501240201291118, without its isCA flag",
  })
  void aBrokenFieldIsNamed(String name, String from, String to, String message) {
    assertThatThrownBy(() -> OperationalCertificates.decodeTlv(patched(from, to)))
        .as(name)
        .isInstanceOf(MatterCertificateFormatException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource({
    "trailing element, 18$, 180401, data after the last element",
    "missing end, 18$, '', input ends inside",
    "duplicate tag in the certificate, 240201, 240101, duplicate tag 1",
  })
  void brokenTlvIsATlvFormatException(String name, String from, String to, String message) {
    assertThatThrownBy(() -> OperationalCertificates.decodeTlv(HexFormat.of().parseHex(ROOT01.replaceFirst(from, to))))
        .as(name)
        .isInstanceOf(TlvFormatException.class)
        .hasMessageContaining(message);
  }
}
