// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.testing.Vectors;
import org.junit.jupiter.api.Test;

/** Every kind of malformed input ends in a PkiParseException that says what was wrong. */
class PkiReaderMalformedTest {
  private static final byte[] PAA_DER = Vectors.bytes("connectedhomeip/Chip-Test-PAA-FFF1-Cert.der");
  private static final String PAA_PEM =
      new String(Vectors.bytes("connectedhomeip/Chip-Test-PAA-FFF1-Cert.pem"), StandardCharsets.US_ASCII);

  private final PkiReader reader = PkiReader.defaults();

  @Test
  void rejectsEmptyInput() {
    assertThatThrownBy(() -> reader.read(new byte[0]))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("empty input");
  }

  @Test
  void rejectsTextThatIsNeitherPemNorDer() {
    assertThatThrownBy(() -> reader.read("hello world".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("neither PEM nor DER");
  }

  @Test
  void rejectsDerTruncatedAtEveryLength() {
    for (int length = 1; length < PAA_DER.length; length++) {
      byte[] truncated = Arrays.copyOf(PAA_DER, length);
      assertThatThrownBy(() -> reader.read(truncated))
          .as("truncated to %d bytes", length)
          .isInstanceOf(PkiParseException.class);
    }
  }

  @Test
  void rejectsALengthThatPointsPastTheEndWithItsOffset() {
    byte[] lying = PAA_DER.clone();
    lying[2] = (byte) 0xff; // outer SEQUENCE length 0x01xx -> 0xffxx

    assertThatThrownBy(() -> reader.read(lying))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("exceeds the remaining")
        .satisfies(e -> {
          PkiParseException parse = (PkiParseException) e;
          assertThat(parse.offset()).isZero();
          assertThat(parse.getMessage()).endsWith("(at offset 0)");
          assertThat(parse.problem()).doesNotContain("offset").isEqualTo(parse.getMessage().replace(" (at offset 0)", ""));
        });
  }

  @Test
  void rejectsAFourGigabyteLengthWithoutAllocating() {
    byte[] huge = {0x30, (byte) 0x84, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x00};

    assertThatThrownBy(() -> reader.read(huge))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("exceeds the remaining");
  }

  @Test
  void rejectsIndefiniteLength() {
    byte[] ber = {0x30, (byte) 0x80, 0x02, 0x01, 0x00, 0x00, 0x00};

    assertThatThrownBy(() -> reader.read(ber))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("indefinite length");
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    int depth = 40;
    byte[] nested = new byte[depth * 2];
    for (int i = 0; i < depth; i++) {
      nested[2 * i] = 0x30;
      nested[2 * i + 1] = (byte) (nested.length - 2 * i - 2);
    }

    assertThatThrownBy(() -> reader.read(nested))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("nested deeper");
  }

  @Test
  void rejectsWellFormedDerThatIsNoPkiObject() {
    byte[] integerSequence = {0x30, 0x03, 0x02, 0x01, 0x05};

    assertThatThrownBy(() -> reader.read(integerSequence))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("not a certificate, CRL, certification request or key");
  }

  @Test
  void rejectsACertificateWithAFlippedStructureByte() {
    byte[] corrupted = PAA_DER.clone();
    corrupted[4] = 0x04; // the tbsCertificate SEQUENCE tag becomes an OCTET STRING

    assertThatThrownBy(() -> reader.readCertificate(corrupted)).isInstanceOf(PkiParseException.class);
  }

  @Test
  void rejectsPemWithoutEndLine() {
    String unterminated = PAA_PEM.substring(0, PAA_PEM.indexOf("-----END"));

    assertThatThrownBy(() -> reader.read(unterminated.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("has no END line");
  }

  @Test
  void rejectsPemWhoseEndLabelDiffers() {
    String mismatched = PAA_PEM.replace("-----END CERTIFICATE-----", "-----END X509 CRL-----");

    assertThatThrownBy(() -> reader.read(mismatched.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("ends with END X509 CRL");
  }

  @Test
  void rejectsInvalidBase64() {
    String invalid = PAA_PEM.replaceFirst("\n[A-Za-z0-9+/]", "\n*");

    assertThatThrownBy(() -> reader.read(invalid.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("not valid base64");
  }

  @Test
  void rejectsLegacyEncryptedPemWithAHint() {
    String legacy =
        "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n"
            + "-----END EC PRIVATE KEY-----\n";

    assertThatThrownBy(() -> reader.read(legacy.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("openssl pkcs8 -topk8");
  }

  @Test
  void rejectsUnknownPemLabels() {
    String pkcs7 = PemEncoder.encode("PKCS7", PAA_DER);

    assertThatThrownBy(() -> reader.read(pkcs7.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("unsupported PEM label PKCS7");
  }

  @Test
  void rejectsAPemLabelThatDoesNotMatchTheContent() {
    String lie = PemEncoder.encode("PRIVATE KEY", PAA_DER);

    assertThatThrownBy(() -> reader.read(lie.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PkiParseException.class);
  }

  @Test
  void rejectsPemWithTrailingBytesAfterTheDerElement() {
    byte[] padded = Arrays.copyOf(PAA_DER, PAA_DER.length + 2);
    String pem = PemEncoder.encode("CERTIFICATE", padded);

    assertThatThrownBy(() -> reader.read(pem.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("more than 1 DER elements");
  }

  @Test
  void rejectsInputOverTheSizeLimitBeforeParsing() {
    PkiReader small = PkiReader.builder().maxInputBytes(100).build();

    assertThatThrownBy(() -> small.read(PAA_DER))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("exceeds the limit of 100 bytes");
  }

  @Test
  void rejectsMoreObjectsThanTheLimit() {
    PkiReader two = PkiReader.builder().maxObjects(2).build();
    byte[] three = (PAA_PEM + PAA_PEM + PAA_PEM).getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> two.read(three))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("more than 2 PEM blocks");
  }

  @Test
  void typedReadersSayWhatTheyFoundInstead() {
    byte[] certificate = PAA_PEM.getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> reader.readPrivateKey(certificate))
        .isInstanceOf(PkiParseException.class)
        .hasMessage("expected private key only, found certificate");
    assertThatThrownBy(() -> reader.readCertificate((PAA_PEM + PAA_PEM).getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PkiParseException.class)
        .hasMessage("expected one certificate, found 2");
  }

  @Test
  void ignoresExplanatoryTextAroundPemBlocks() throws Exception {
    String annotated = "Certificate:\n    Data: ... (openssl x509 -text output)\n" + PAA_PEM + "trailing notes\n";

    assertThat(reader.readCertificate(annotated.getBytes(StandardCharsets.US_ASCII)).getEncoded())
        .isEqualTo(PAA_DER);
  }

  @Test
  void acceptsCrLfLineEndingsAndUnusualLineLengths() throws Exception {
    String body = Base64.getEncoder().encodeToString(PAA_DER);
    String crlf = "-----BEGIN CERTIFICATE-----\r\n" + body.substring(0, 10) + "\r\n" + body.substring(10)
        + "\r\n-----END CERTIFICATE-----\r\n";

    assertThat(reader.readCertificate(crlf.getBytes(StandardCharsets.US_ASCII)).getEncoded()).isEqualTo(PAA_DER);
  }
}
