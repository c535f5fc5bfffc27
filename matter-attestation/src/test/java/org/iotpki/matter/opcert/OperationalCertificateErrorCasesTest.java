// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iotpki.matter.testing.ChipVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every operational certificate error case of connectedhomeip (CHIPCert_error_test_vectors.cpp, TLV
 * and DER forms) gives its own answer, listed in {@code OperationalCertificateErrorCasesTest.csv}:
 * a typed decode exception naming the rule, or the chain rule that fails for the certificate in its
 * role. Each is checked in a chain of connectedhomeip's own test CAs that signed it: a NOC under
 * ICA02 and Root02, an ICAC under Root01 (with Node01_01 below it), an RCAC as the anchor of
 * Node01_01 and ICA01. The validator checks from the anchor down, so the broken certificate's rule
 * is the one reported. Certificates that decode still convert losslessly.
 */
class OperationalCertificateErrorCasesTest {
  private static final String OUTCOMES = "OperationalCertificateErrorCasesTest.csv";
  private static final Instant AT = Instant.parse("2026-11-24T00:00:00Z");

  @ParameterizedTest(name = "{0}.{1}: {2}")
  @CsvFileSource(resources = OUTCOMES, numLinesToSkip = 1)
  void eachErrorCaseGivesItsRule(String name, String form, String expected, String message) throws Exception {
    byte[] bytes = ChipVectors.hex("error-cases/" + name + "." + form + ".hex");
    switch (expected) {
      case "MatterCertificateFormatException" ->
          assertThatThrownBy(() -> OperationalCertificates.decodeTlv(bytes))
              .isExactlyInstanceOf(MatterCertificateFormatException.class)
              .hasMessageContaining(message);
      case "NoTlvFormException" ->
          assertThatThrownBy(() -> OperationalCertificates.decodeDer(bytes))
              .isExactlyInstanceOf(NoTlvFormException.class)
              .hasMessageContaining(message);
      default -> {
        OperationalCertificate broken = form.equals("tlv")
            ? OperationalCertificates.decodeTlv(bytes) : OperationalCertificates.decodeDer(bytes);
        CertificateRole role = CertificateRole.valueOf(name.substring(0, name.indexOf('_')));
        assertThat(inItsChain(broken, role)).isInstanceOfSatisfying(OperationalChainResult.Invalid.class, invalid -> {
          assertThat(invalid.reason()).as(invalid.message()).isEqualTo(OperationalChainFailure.valueOf(expected));
          assertThat(invalid.certificate()).as(invalid.message()).isEqualTo(role);
          assertThat(invalid.message()).contains(message);
        });
        losslessBothWays(bytes, form);
      }
    }
  }

  @Test
  void everyVectorHasAnExpectedOutcome() throws IOException, URISyntaxException {
    Path directory = Path.of(ChipVectors.class.getResource("/vectors/connectedhomeip/error-cases").toURI());
    Set<String> vectors;
    try (Stream<Path> files = Files.list(directory)) {
      vectors = files.map(file -> file.getFileName().toString().replace(".hex", "")).collect(Collectors.toSet());
    }
    Set<String> listed = new HashSet<>();
    try (InputStream in = getClass().getResourceAsStream(OUTCOMES)) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("#") && !line.startsWith("case,"))
          .map(line -> line.split(","))
          .forEach(fields -> assertThat(listed.add(fields[0] + "." + fields[1])).as(fields[0]).isTrue());
    }
    // connectedhomeip has 50 DER and 86 TLV error certificates.
    assertThat(vectors).hasSize(136).isEqualTo(listed);
  }

  private static OperationalChainResult inItsChain(OperationalCertificate broken, CertificateRole role) {
    OperationalChainValidator validator = OperationalChainValidator.defaults();
    return switch (role) {
      case NOC -> validator.validate(broken, vector("ICA02"), vector("Root02"), AT);
      case ICAC -> validator.validate(vector("Node01_01"), broken, vector("Root01"), AT);
      case RCAC -> validator.validate(vector("Node01_01"), vector("ICA01"), broken, AT);
    };
  }

  private static void losslessBothWays(byte[] bytes, String form) throws Exception {
    if (form.equals("tlv")) {
      assertThat(OperationalCertificates.derToTlv(OperationalCertificates.tlvToDer(bytes))).isEqualTo(bytes);
    } else {
      assertThat(OperationalCertificates.tlvToDer(OperationalCertificates.derToTlv(bytes))).isEqualTo(bytes);
    }
  }

  private static OperationalCertificate vector(String name) {
    try {
      return OperationalCertificates.decodeTlv(ChipVectors.tlv(name));
    } catch (Exception e) {
      throw new AssertionError(name, e);
    }
  }
}
