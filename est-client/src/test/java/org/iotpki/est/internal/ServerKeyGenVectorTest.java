// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import java.util.Map;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.HttpResponse;
import org.junit.jupiter.api.Test;

/** The /serverkeygen response of RFC 7030 appendix A.4, read as our client reads a response. */
class ServerKeyGenVectorTest {
  private static final URI URI = java.net.URI.create("https://est.example/.well-known/est/serverkeygen");

  private static HttpResponse rfc7030A4() throws Exception {
    String text;
    try (InputStream in = ServerKeyGenVectorTest.class.getResourceAsStream(
        "/vectors/rfc7030-A.4.serverkeygen.http")) {
      text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    int blank = text.indexOf("\n\n");
    String contentType = text.lines().filter(l -> l.startsWith("Content-Type:")).findFirst()
        .orElseThrow().substring("Content-Type:".length()).trim();
    byte[] body = text.substring(blank + 2).getBytes(StandardCharsets.US_ASCII);
    return new HttpResponse(200, Map.of("Content-Type", List.of(contentType)), body);
  }

  @Test
  void readsTheKeyAndTheCertificateOfItsKey() throws Exception {
    EstResponses.ServerKey serverKey = EstResponses.serverKey(rfc7030A4(), URI);

    assertThat(serverKey.privateKey()).isInstanceOf(RSAPrivateCrtKey.class);
    assertThat(serverKey.certificates()).singleElement().satisfies(certificate ->
        assertThat(certificate.getSubjectX500Principal().getName())
            .isEqualTo("CN=serverside key generated response"));
    assertThat(serverKey.publicKey()).isEqualTo(serverKey.certificates().get(0).getPublicKey());
  }

  @Test
  void theMultipartHasTwoPartsDespitePreambleAndEpilogue() throws Exception {
    HttpResponse response = rfc7030A4();
    List<Multipart.Part> parts =
        Multipart.parse(response.header("content-type").orElseThrow(), response.body());

    assertThat(parts).extracting(Multipart.Part::mediaType)
        .containsExactly("application/pkcs8", "application/pkcs7-mime");
    assertThat(parts.get(1).header("Content-Type")).contains(
        "application/pkcs7-mime; smime-type=certs-only");
  }

  @Test
  void aMissingPartIsMalformed() throws Exception {
    HttpResponse response = rfc7030A4();
    String body = new String(response.body(), StandardCharsets.US_ASCII);
    String withoutKey = body.substring(0, body.indexOf("--estServerExampleBoundary"))
        + body.substring(body.indexOf("--estServerExampleBoundary\nContent-Type: application/pkcs7"));
    HttpResponse truncated = new HttpResponse(
        200, response.headers(), withoutKey.getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> EstResponses.serverKey(truncated, URI))
        .isInstanceOfSatisfying(EnrollmentTransportException.class, e ->
            assertThat(e.failure()).isEqualTo(EnrollmentTransportException.Failure.MALFORMED_RESPONSE));
  }
}
