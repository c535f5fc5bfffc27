// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.pq;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.testing.PqcManifest;
import org.iotpki.core.testing.PqcManifest.Row;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IETF PQC hackathon certificates (BouncyCastle, Entrust, OpenSSL 3.5) and the LAMPS composite
 * test vectors, read from shared/vectors/pqc-certificates with the outcome its MANIFEST expects:
 * every good signature verifies, every tampered one (including a flipped byte in only the
 * traditional half of a composite signature) does not.
 */
class PqcVectorsTest {

  static List<Row> manifest() throws Exception {
    return PqcManifest.rows();
  }

  @Test
  void theManifestCoversEveryProviderAndTamperedCopies() throws Exception {
    List<Row> rows = manifest();

    assertThat(rows).extracting(Row::certificate)
        .anyMatch(c -> c.startsWith("bc/")).anyMatch(c -> c.startsWith("entrust/"))
        .anyMatch(c -> c.startsWith("ossl35/")).anyMatch(c -> c.startsWith("composite/"))
        .anyMatch(c -> c.startsWith("tampered/"));
    assertThat(rows).filteredOn(r -> r.expectedExit() == 0).hasSizeGreaterThanOrEqualTo(75);
  }

  @ParameterizedTest
  @MethodSource("manifest")
  void verifiesAsTheManifestExpects(Row row) throws Exception {
    X509Certificate certificate = row.read();
    PublicKey issuerKey = row.readIssuer().getPublicKey();

    SignatureResult result = SignatureVerifier.bouncyCastle().verify(certificate, issuerKey);

    assertThat(certificate.getSigAlgOID()).isEqualTo(row.signatureOid());
    assertThat(SignatureAlgorithm.fromOid(row.signatureOid())).as("iotpki knows %s", row.signatureOid()).isPresent();
    assertThat(result.isValid()).as("%s: %s", row.label(), result).isEqualTo(row.expectedExit() == 0);
  }
}
