package org.iotpki.matter.opcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.iotpki.matter.testing.ChipVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * connectedhomeip's operational certificate error cases (CHIPCert_error_test_vectors.cpp): each
 * names the rule it breaks and the certificate that breaks it, and still converts losslessly.
 */
class OperationalCertificateErrorCasesTest {
  private static final Instant AT = Instant.parse("2026-11-24T00:00:00Z");

  private static OperationalCertificate vector(String name) throws Exception {
    return OperationalCertificates.decodeTlv(ChipVectors.tlv(name));
  }

  private static OperationalCertificate errorCase(String name) throws Exception {
    return OperationalCertificates.decodeTlv(ChipVectors.hex("error-cases/" + name + ".tlv.hex"));
  }

  @ParameterizedTest
  @CsvSource({
    "NOC_Subject_NodeId_Invalid, NOC, INVALID_NODE_ID",
    "NOC_Subject_MatterId_Twice, NOC, WRONG_CERTIFICATE_TYPE",
    "NOC_Subject_FabricId_Missing, NOC, INVALID_FABRIC_ID",
    "NOC_Subject_FabricId_Invalid, NOC, INVALID_FABRIC_ID",
    "NOC_Subject_CAT_Invalid, NOC, INVALID_CASE_AUTHENTICATED_TAG",
    "NOC_Subject_CAT_Twice, NOC, INVALID_CASE_AUTHENTICATED_TAG",
    "NOC_Ext_KeyUsage_Missing, NOC, MISSING_EXTENSION",
    "ICAC_Subject_FabricId_Invalid, ICAC, INVALID_FABRIC_ID",
    "ICAC_Ext_KeyUsage_Missing, ICAC, MISSING_EXTENSION",
    "RCAC_Subject_MatterId_Twice, RCAC, WRONG_CERTIFICATE_TYPE",
  })
  void eachErrorCaseNamesItsRuleAndCertificate(String name, CertificateRole role, OperationalChainFailure reason) throws Exception {
    OperationalCertificate broken = errorCase(name);
    OperationalChainResult result = switch (role) {
      case NOC -> OperationalChainValidator.defaults().validate(broken, vector("ICA02"), vector("Root02"), AT);
      case ICAC -> OperationalChainValidator.defaults().validate(vector("Node01_01"), broken, vector("Root01"), AT);
      case RCAC -> OperationalChainValidator.defaults().validate(vector("Node01_01"), vector("ICA01"), broken, AT);
    };
    assertThat(result).isInstanceOfSatisfying(OperationalChainResult.Invalid.class, invalid -> {
      assertThat(invalid.reason()).as(invalid.message()).isEqualTo(reason);
      assertThat(invalid.certificate()).isEqualTo(role);
    });
    byte[] tlv = ChipVectors.hex("error-cases/" + name + ".tlv.hex");
    assertThat(OperationalCertificates.derToTlv(OperationalCertificates.tlvToDer(tlv))).isEqualTo(tlv);
  }

  @Test
  void anotherCurveHasNoCertificateForm() {
    assertThatThrownBy(() -> errorCase("NOC_Sig_Curve_Secp256k1"))
        .isInstanceOf(MatterCertificateFormatException.class)
        .hasMessageContaining("unsupported elliptic curve");
  }
}
