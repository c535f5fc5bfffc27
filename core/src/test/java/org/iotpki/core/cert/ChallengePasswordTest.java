// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PKCS#9 challengePassword of a request, as SCEP servers read it. */
class ChallengePasswordTest {
  @TempDir Path dir;

  @Test
  void readsTheChallengeOpenSslPutsInARequest() throws Exception {
    Files.writeString(dir.resolve("req.cnf"), String.join("\n",
        "[req]", "prompt = no", "distinguished_name = dn", "attributes = attrs",
        "[dn]", "CN = scep-device", "[attrs]", "challengePassword = otp-4711", ""));
    OpenSsl.Result made = OpenSsl.run(dir, "req", "-new", "-newkey", "ec",
        "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "k.pem", "-config", "req.cnf",
        "-out", "req.pem");
    assertThat(made.exitCode()).as(made.output()).isZero();

    CertificationRequest request =
        PkiReader.defaults().readCertificationRequest(dir.resolve("req.pem"));

    assertThat(request.challengePassword()).hasValueSatisfying(
        password -> assertThat(new String(password)).isEqualTo("otp-4711"));
  }

  @Test
  void roundTripsOursAndIsEmptyWithout() throws Exception {
    Signer signer = Signer.of(KeyPairs.generate(KeyAlgorithm.EC_P256));
    CertificationRequest with = CsrBuilder.create().subject("CN=a")
        .challengePassword("s3cret".toCharArray()).sign(signer);
    CertificationRequest without = CsrBuilder.create().subject("CN=a").sign(signer);

    assertThat(CertificationRequest.decode(with.encoded()).challengePassword())
        .hasValueSatisfying(password -> assertThat(new String(password)).isEqualTo("s3cret"));
    assertThat(without.challengePassword()).isEmpty();
  }
}
