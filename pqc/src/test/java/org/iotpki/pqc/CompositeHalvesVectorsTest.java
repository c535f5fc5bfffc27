// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.iotpki.core.testing.PqcManifest;
import org.iotpki.core.testing.PqcManifest.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two halves of every composite signature in the hackathon and LAMPS vectors (BouncyCastle,
 * Entrust and the LAMPS draft's own), each verified on its own: both verify in the good ones, and
 * in each tampered copy exactly the half whose byte was flipped fails.
 */
class CompositeHalvesVectorsTest {

  static List<Row> composites() throws Exception {
    return PqcManifest.rows().stream()
        .filter(row -> row.signatureOid().startsWith("1.3.6.1.5.5.7.6."))
        .collect(Collectors.toList());
  }

  @ParameterizedTest
  @MethodSource("composites")
  void eachHalfVerifiesOnItsOwn(Row row) throws Exception {
    HybridVerification result = HybridVerifier.of(HybridPolicy.COMPOSITE).verify(row.read(), row.readIssuer());

    assertThat(result.components()).extracting(HybridVerification.Component::name).containsExactly("ml-dsa", "traditional");
    if (row.expectedExit() == 0) {
      assertThat(result.accepted()).as("%s: %s", row, result.message()).isTrue();
      assertThat(result.components()).allSatisfy(half -> assertThat(half.result().isValid()).isTrue());
    } else {
      assertThat(result.accepted()).isFalse();
    }
  }

  @Test
  void aTamperedHalfIsTheOneReported() throws Exception {
    List<Row> rows = composites();
    HybridVerification mlDsaFlipped = verify(rows, "tampered/composite-mldsa65-p256-mldsa-part.der");
    HybridVerification traditionalFlipped = verify(rows, "tampered/composite-mldsa44-ed25519-trad-part.der");

    assertThat(mlDsaFlipped.components()).extracting(c -> c.result().isValid()).containsExactly(false, true);
    assertThat(mlDsaFlipped.components().get(0).algorithmOid()).isEqualTo("2.16.840.1.101.3.4.3.18");
    assertThat(traditionalFlipped.components()).extracting(c -> c.result().isValid()).containsExactly(true, false);
    assertThat(traditionalFlipped.components().get(1).algorithmOid()).isEqualTo("1.3.101.112");
    assertThat(traditionalFlipped.message()).startsWith("traditional signature");
  }

  private static HybridVerification verify(List<Row> rows, String certificate) throws Exception {
    Row row = rows.stream().filter(r -> r.certificate().equals(certificate)).findFirst().orElseThrow();
    return HybridVerifier.of(HybridPolicy.COMPOSITE).verify(row.read(), row.readIssuer());
  }
}
