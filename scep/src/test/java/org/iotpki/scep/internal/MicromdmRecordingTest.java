// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.junit.jupiter.api.Test;

/**
 * micromdm's recorded answers, read as our client reads a live one: SHA-1 signatures by the CA,
 * the certificate enveloped with single DES, a badRequest failure; and every check failing when
 * the answer is for another request.
 */
class MicromdmRecordingTest {
  @Test
  void readsTheSuccessAndDecryptsTheIssuedCertificate() throws Exception {
    CertRep rep = CertRep.read(MicromdmRecording.resource("04-CertRep-SUCCESS-response.der.b64"),
        MicromdmRecording.expected("03-PKCSReq-request-POST-body.der.b64",
            MicromdmRecording.requesterKey()));

    assertThat(rep.status()).isEqualTo(CertRep.Status.SUCCESS);
    assertThat(rep.certificates()).containsExactly(PkiReader.defaults().readCertificate(
        MicromdmRecording.resource("test-client1-issued-cert-serial02.pem")));
  }

  @Test
  void readsTheBadRequestFailure() throws Exception {
    CertRep rep = CertRep.read(
        MicromdmRecording.resource("06-CertRep-FAILURE-badRequest-response.der.b64"),
        MicromdmRecording.expected("05-PKCSReq-wrong-challenge-request.der.b64",
            MicromdmRecording.requesterKey()));

    assertThat(rep.status()).isEqualTo(CertRep.Status.FAILURE);
    assertThat(rep.failInfo()).isEqualTo(2);
  }

  @Test
  void refusesAnAnswerToAnotherRequest() throws Exception {
    byte[] success = MicromdmRecording.resource("04-CertRep-SUCCESS-response.der.b64");
    CertRep.Expected other = MicromdmRecording.expected("05-PKCSReq-wrong-challenge-request.der.b64",
        MicromdmRecording.requesterKey());

    assertThatThrownBy(() -> CertRep.read(success, other))
        .isInstanceOf(PkiParseException.class)
        .hasMessageContaining("transactionID");
  }

  @Test
  void refusesATamperedAnswer() throws Exception {
    byte[] success = MicromdmRecording.resource("04-CertRep-SUCCESS-response.der.b64");
    CertRep.Expected expected = MicromdmRecording.expected("03-PKCSReq-request-POST-body.der.b64",
        MicromdmRecording.requesterKey());
    byte[] tampered = success.clone();
    tampered[tampered.length - 20] ^= 1; // inside the signature

    assertThatThrownBy(() -> CertRep.read(tampered, expected)).isInstanceOf(PkiParseException.class);
    assertThatThrownBy(() -> CertRep.read(Arrays.copyOf(success, 100), expected))
        .isInstanceOf(PkiParseException.class);
  }
}
