// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.cert.CsrBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.CertsOnly;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.testing.OpenSsl;
import org.iotpki.core.validation.ChainValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EstServer} against clients we did not write: curl and openssl for the protocol, the JDK
 * HttpClient for the faults.
 */
class EstServerTest {
  private static final String CERTS_ONLY = "application/pkcs7-mime; smime-type=certs-only";

  private static TestCa root;
  private static TestCa issuing;

  @TempDir Path dir;
  private EstServer server;

  @BeforeAll
  static void ca() {
    root = TestCa.create();
    issuing = root.intermediate("CN=Test EST CA");
  }

  @BeforeEach
  void start() throws IOException {
    server = EstServer.builder(issuing).credentials("estuser", "estpwd".toCharArray()).start();
    Files.writeString(dir.resolve("ca.pem"), PemEncoder.certificate(server.trustAnchor()));
    Files.writeString(dir.resolve("issuing.pem"), PemEncoder.certificate(issuing.certificate()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesTheCaChainAsCertsOnlyPkcs7ThatOpenSslReads() {
    Http answer = curl("cacerts");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).isEqualTo("application/pkcs7-mime");
    assertThat(answer.header("Content-Transfer-Encoding")).isEqualTo("base64");
    // One line (RFC 4648 section 4), which strict clients such as strongSwan's pki need.
    assertThat(answer.text().strip()).doesNotContain("\r", "\n");
    String certificates = printCertificates("body");
    assertThat(certificates).contains("Subject: CN=Test EST CA", "Subject: CN=iotpki Test Root CA");
    assertThat(server.uri()).hasToString("https://127.0.0.1:" + server.port() + "/.well-known/est/");
    assertThat(curl("cacerts", "--tlsv1.2", "--tls-max", "1.2").status()).as("TLS 1.2").isEqualTo(200);
    assertThat(curl("cacerts", "--tlsv1.3").status()).as("TLS 1.3").isEqualTo(200);
  }

  @Test
  void enrollsAnOpenSslRequestWithItsSubjectKeyAndSubjectAltName() {
    opensslRequest("/CN=x", "-addext", "subjectAltName=DNS:x.example,IP:10.0.0.1");

    Http answer = curl("simpleenroll", "-u", "estuser:estpwd",
        "-H", "Content-Type: application/pkcs10", "--data-binary", "@x.csr.b64");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).isEqualTo(CERTS_ONLY);
    assertThat(answer.header("Content-Transfer-Encoding")).isEqualTo("base64");
    String certificate = printCertificates("body");
    assertThat(certificate).contains("Subject: CN=x", "Issuer: CN=Test EST CA", "DNS:x.example, IP Address:10.0.0.1");
    assertSameKey("x.key");
    assertThat(OpenSsl.run(dir, "verify", "-CAfile", "ca.pem", "-untrusted", "issuing.pem", "certs.pem").output())
        .contains("certs.pem: OK");
  }

  @Test
  void refusesEnrollmentWithoutOrWithWrongCredentials() {
    opensslRequest("/CN=x");

    Http none = curl("simpleenroll", "-H", "Content-Type: application/pkcs10", "--data-binary", "@x.csr.b64");
    Http wrong = curl("simpleenroll", "-u", "estuser:guess",
        "-H", "Content-Type: application/pkcs10", "--data-binary", "@x.csr.b64");

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Basic realm=\"estrealm\"");
    assertThat(none.body()).isEmpty();
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void enrollsAClientThatAuthenticatesWithItsCertificateInsteadOfAPassword() throws IOException {
    writeCredential(issuing.issue("CN=device-7"), "device");
    opensslRequest("/CN=x");

    Http answer = curl("simpleenroll", "--cert", "device.pem", "--key", "device.key",
        "-H", "Content-Type: application/pkcs10", "--data-binary", "@x.csr.b64");

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void reenrollsOnlyTheHolderOfACurrentCertificateForItsOwnSubject() throws IOException {
    writeCredential(issuing.issue("CN=device-7"), "device");
    writeCredential(root.intermediate("CN=Another CA").issue("CN=device-7"), "stranger");
    OpenSsl.run(dir, "req", "-new", "-key", "device.key", "-subj", "/CN=device-7", "-outform", "DER", "-out", "same.der");
    OpenSsl.run(dir, "base64", "-in", "same.der", "-out", "same.b64");
    OpenSsl.run(dir, "req", "-new", "-key", "device.key", "-subj", "/CN=device-8", "-outform", "DER", "-out", "other.der");
    OpenSsl.run(dir, "base64", "-in", "other.der", "-out", "other.b64");

    Http renewed = curl("simplereenroll", "--cert", "device.pem", "--key", "device.key",
        "-H", "Content-Type: application/pkcs10", "--data-binary", "@same.b64");
    String renewedCertificate = printCertificates("body");
    Http otherSubject = curl("simplereenroll", "--cert", "device.pem", "--key", "device.key",
        "-H", "Content-Type: application/pkcs10", "--data-binary", "@other.b64");
    Http passwordOnly = curl("simplereenroll", "-u", "estuser:estpwd",
        "-H", "Content-Type: application/pkcs10", "--data-binary", "@same.b64");
    Http foreignCertificate = curl("simplereenroll", "--cert", "stranger.pem", "--key", "stranger.key",
        "-H", "Content-Type: application/pkcs10", "--data-binary", "@same.b64");

    assertThat(renewed.status()).isEqualTo(200);
    assertThat(renewed.header("Content-Type")).isEqualTo(CERTS_ONLY);
    assertThat(renewedCertificate).contains("Subject: CN=device-7");
    assertSameKey("device.key");
    assertThat(otherSubject.status()).isEqualTo(400);
    assertThat(otherSubject.text()).contains("CN=device-8", "CN=device-7");
    assertThat(passwordOnly.status()).isEqualTo(403);
    assertThat(foreignCertificate.status()).isEqualTo(403);
  }

  @Test
  void generatesTheKeyOnTheServerAndReturnsItWithItsCertificateAsMultipart() throws IOException {
    opensslRequest("/CN=keyless");

    Http answer = curl("serverkeygen", "-u", "estuser:estpwd",
        "-H", "Content-Type: application/pkcs10", "--data-binary", "@x.csr.b64");

    assertThat(answer.status()).isEqualTo(200);
    String contentType = answer.header("Content-Type");
    assertThat(contentType).startsWith("multipart/mixed; boundary=");
    List<Part> parts = Part.split(answer.text(), contentType.substring(contentType.indexOf("boundary=") + 9));
    assertThat(parts).extracting(Part::contentType).containsExactly("application/pkcs8", CERTS_ONLY);
    assertThat(parts).extracting(Part::transferEncoding).containsExactly("base64", "base64");
    Files.writeString(dir.resolve("key.b64"), parts.get(0).body());
    Files.writeString(dir.resolve("cert.b64"), parts.get(1).body());
    OpenSsl.run(dir, "base64", "-d", "-A", "-in", "key.b64", "-out", "key.der");
    assertThat(OpenSsl.run(dir, "pkey", "-inform", "DER", "-in", "key.der", "-out", "generated.key").exitCode()).isZero();
    assertThat(printCertificates("cert.b64")).contains("Subject: CN=keyless");
    assertSameKey("generated.key");
    assertThat(OpenSsl.run(dir, "pkey", "-in", "x.key", "-pubout").stdout())
        .isNotEqualTo(OpenSsl.run(dir, "pkey", "-in", "generated.key", "-pubout").stdout());
  }

  @Test
  void answersMalformedRequestsWithTheReason() throws Exception {
    byte[] request = request("CN=x").encoded();
    byte[] tampered = request.clone();
    tampered[tampered.length - 2] ^= 0x01; // inside the signature

    assertThat(post("simpleenroll", "text/plain", base64(request)).statusCode()).isEqualTo(415);
    HttpResponse<byte[]> notBase64 = post("simpleenroll", "application/pkcs10", "*** not base64 ***".getBytes(StandardCharsets.US_ASCII));
    assertThat(notBase64.statusCode()).isEqualTo(400);
    assertThat(text(notBase64)).contains("not base64");
    HttpResponse<byte[]> badSignature = post("simpleenroll", "application/pkcs10", base64(tampered));
    assertThat(badSignature.statusCode()).isEqualTo(400);
    assertThat(text(badSignature)).contains("signature does not verify");
    HttpResponse<byte[]> notARequest = post("simpleenroll", "application/pkcs10", base64(new byte[] {0x30, 0x00}));
    assertThat(notARequest.statusCode()).isEqualTo(400);
    assertThat(get(server.uri().resolve("nothing-here")).statusCode()).isEqualTo(404);
    assertThat(get(server.uri().resolve("simpleenroll")).statusCode()).isEqualTo(405);
  }

  @Test
  void readsRequestsWithoutTransferEncodingHeaderAndWithAnyLineBreaks() throws Exception {
    String lines = Base64.getMimeEncoder(20, new byte[] {'\n'}).encodeToString(request("CN=x").encoded());

    HttpResponse<byte[]> answer = post("simpleenroll", "application/pkcs10", (" " + lines + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

    assertThat(answer.statusCode()).isEqualTo(200);
    List<X509Certificate> issued = CertsOnly.decode(Base64.getMimeDecoder().decode(answer.body()));
    assertThat(ChainValidator.builder().trustAnchor(server.trustAnchor()).build()
        .validate(List.of(issued.get(0), issuing.certificate())).isValid()).isTrue();
  }

  @Test
  void servesCsrAttributesWhenConfiguredAndNoContentOtherwise() throws Exception {
    byte[] csrAttrs = {0x30, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};
    try (EstServer configured = EstServer.builder(issuing).csrAttributes(csrAttrs).start()) {
      HttpResponse<byte[]> answer = get(configured.uri().resolve("csrattrs"));

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).contains("application/csrattrs");
      assertThat(Base64.getMimeDecoder().decode(answer.body())).isEqualTo(csrAttrs);
    }
    assertThat(get(server.uri().resolve("csrattrs")).statusCode()).isEqualTo(204);
  }

  @Test
  void servesUnderALabelAndLogsIt() throws Exception {
    URI labelled = server.uri("arbitrary-label").resolve("cacerts");

    assertThat(get(labelled).statusCode()).isEqualTo(200);
    assertThat(server.requests()).containsExactly(
        new EstServer.Request("GET", "/.well-known/est/arbitrary-label/cacerts", "arbitrary-label", "cacerts", 200));
  }

  @Test
  void pendingAnswers202WithRetryAfterOnceThenTheSameRequestSucceeds() throws Exception {
    server.enqueue(EstServer.Fault.pending(Duration.ofSeconds(2)));
    byte[] request = base64(request("CN=x").encoded());

    HttpResponse<byte[]> first = post("simpleenroll", "application/pkcs10", request);
    HttpResponse<byte[]> second = post("simpleenroll", "application/pkcs10", request);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.headers().firstValue("Retry-After")).contains("2");
    assertThat(first.body()).isEmpty();
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(server.requests()).extracting(EstServer.Request::status).containsExactly(202, 200);
  }

  @Test
  void statusAndUnavailableFaultsAnswerTheirStatusOnce() throws Exception {
    server.enqueue(EstServer.Fault.unavailable(Duration.ofMillis(1500)), EstServer.Fault.status(500, "boom"));

    HttpResponse<byte[]> notFound = get(server.uri().resolve("nothing-here")); // a 404 takes no fault
    HttpResponse<byte[]> first = get(server.uri().resolve("cacerts"));
    HttpResponse<byte[]> second = get(server.uri().resolve("cacerts"));
    HttpResponse<byte[]> third = get(server.uri().resolve("cacerts"));

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Retry-After")).contains("2"); // rounded up
    assertThat(second.statusCode()).isEqualTo(500);
    assertThat(text(second)).isEqualTo("boom\n");
    assertThat(third.statusCode()).isEqualTo(200);
  }

  @Test
  void aDelayedRequestHoldsUpNoOtherAndCloseEndsItPromptly() throws Exception {
    server.enqueue(EstServer.Fault.delay(Duration.ofMinutes(5)));
    HttpClient client = client();
    HttpRequest cacerts = HttpRequest.newBuilder(server.uri().resolve("cacerts")).timeout(Duration.ofMinutes(10)).build();

    // Whichever request arrives first is delayed; the other is answered meanwhile.
    CompletableFuture<HttpResponse<byte[]>> one = client.sendAsync(cacerts, HttpResponse.BodyHandlers.ofByteArray());
    CompletableFuture<HttpResponse<byte[]>> two = client.sendAsync(cacerts, HttpResponse.BodyHandlers.ofByteArray());
    Object answered = CompletableFuture.anyOf(one, two).get(60, TimeUnit.SECONDS);
    CompletableFuture<HttpResponse<byte[]>> delayed = one.isDone() ? two : one;

    assertThat(((HttpResponse<?>) answered).statusCode()).isEqualTo(200);
    assertThat(delayed).isNotDone();
    server.close();
    assertThatThrownBy(() -> delayed.get(60, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void dropClosesTheConnectionWithoutAnAnswer() throws Exception {
    server.enqueue(EstServer.Fault.drop());

    assertThatThrownBy(() -> post("simpleenroll", "application/pkcs10", base64(request("CN=x").encoded())))
        .isInstanceOf(IOException.class);
    assertThat(server.requests()).extracting(EstServer.Request::status).containsExactly(0);
    server.enqueue(EstServer.Fault.drop());
    assertThat(curl("cacerts").exitCode()).isEqualTo(52); // curl: empty reply from server
    server.enqueue(EstServer.Fault.drop(), EstServer.Fault.drop()); // the JDK client retries a GET once
    assertThatThrownBy(() -> get(server.uri().resolve("cacerts"))).isInstanceOf(IOException.class);
  }

  @Test
  void truncatedSendsHalfTheAnnouncedBodyThenCloses() throws Exception {
    server.enqueue(EstServer.Fault.truncated());

    assertThatThrownBy(() -> get(server.uri().resolve("cacerts"))).isInstanceOf(IOException.class);
    server.enqueue(EstServer.Fault.truncated());
    Http curl = curl("cacerts");
    assertThat(curl.exitCode()).isEqualTo(18); // curl: transfer closed with bytes remaining
    assertThat(curl.body().length).isEqualTo(Integer.parseInt(curl.header("Content-Length")) / 2);
  }

  @Test
  void badBase64KeepsTheContentTypeButNotTheEncoding() throws Exception {
    server.enqueue(EstServer.Fault.badBase64());

    HttpResponse<byte[]> answer = post("simpleenroll", "application/pkcs10", base64(request("CN=x").encoded()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).contains(CERTS_ONLY);
    String body = new String(answer.body(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
    assertThatThrownBy(() -> Base64.getDecoder().decode(body)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wrongContentTypeAnswersHtml() throws Exception {
    server.enqueue(EstServer.Fault.wrongContentType());

    HttpResponse<byte[]> answer = get(server.uri().resolve("cacerts"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
  }

  @Test
  void aDefaultServerHasARandomPasswordAndRefusesAPortInUse() {
    try (EstServer defaults = EstServer.builder(issuing).start()) {
      assertThat(defaults.username()).isEqualTo(EstServer.DEFAULT_USERNAME);
      assertThat(defaults.password()).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(server.password());
      assertThatThrownBy(() -> EstServer.builder(issuing).port(defaults.port()).start())
          .isInstanceOf(java.io.UncheckedIOException.class)
          .hasCauseInstanceOf(java.net.BindException.class);
    }
  }

  @Test
  void linesBase64OnRequestForTestsOfTolerantClients() throws Exception {
    try (EstServer lined = EstServer.builder(issuing).base64LineBreaks().start()) {
      HttpResponse<byte[]> cacerts = get(lined.uri().resolve("cacerts"));
      String text = new String(cacerts.body(), StandardCharsets.US_ASCII);

      assertThat(text).contains("\r\n");
      assertThat(text.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
    }
  }

  // --- curl and openssl

  /** An answer as curl saw it. */
  private record Http(int exitCode, int status, String headers, byte[] body) {
    /** The value of a header of the last response curl received (after any 100 Continue). */
    String header(String name) {
      String last = headers.substring(Math.max(0, headers.lastIndexOf("HTTP/")));
      for (String line : last.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

    String text() {
      return new String(body, StandardCharsets.US_ASCII);
    }
  }

  /** Runs curl against an operation, trusting ca.pem; the body goes to the file "body". */
  private Http curl(String operation, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(
        "--cacert", "ca.pem", "-D", "headers", "-o", "body", "-w", "%{http_code}"));
    command.addAll(List.of(args));
    command.add(server.uri().resolve(operation).toString());
    try {
      Files.deleteIfExists(dir.resolve("headers"));
      Files.deleteIfExists(dir.resolve("body"));
      Curl.Result result = Curl.run(dir, command.toArray(String[]::new));
      return new Http(
          result.exitCode(),
          Integer.parseInt(result.stdout().trim()),
          Files.exists(dir.resolve("headers")) ? Files.readString(dir.resolve("headers"), StandardCharsets.ISO_8859_1) : "",
          Files.exists(dir.resolve("body")) ? Files.readAllBytes(dir.resolve("body")) : new byte[0]);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A P-256 key in x.key and a request for it in x.csr.b64 (base64 as openssl writes it). */
  private void opensslRequest(String subject, String... extra) {
    List<String> command = new java.util.ArrayList<>(List.of(
        "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-subj", subject, "-keyout", "x.key", "-outform", "DER", "-out", "x.csr.der"));
    command.addAll(List.of(extra));
    OpenSsl.Result request = OpenSsl.run(dir, command.toArray(String[]::new));
    assertThat(request.exitCode()).as(request.output()).isZero();
    OpenSsl.run(dir, "base64", "-in", "x.csr.der", "-out", "x.csr.b64");
  }

  /** openssl's reading of a base64 certs-only PKCS#7 file; the certificates go to certs.pem. */
  private String printCertificates(String base64File) {
    OpenSsl.run(dir, "base64", "-d", "-A", "-in", base64File, "-out", "p7.der");
    OpenSsl.Result pem = OpenSsl.run(dir, "pkcs7", "-inform", "DER", "-in", "p7.der", "-print_certs", "-out", "certs.pem");
    assertThat(pem.exitCode()).as(pem.output()).isZero();
    OpenSsl.Result text = OpenSsl.run(dir, "pkcs7", "-inform", "DER", "-in", "p7.der", "-print_certs", "-text", "-noout");
    return text.stdout();
  }

  /** The first certificate in certs.pem certifies the key in {@code keyFile}, as openssl sees it. */
  private void assertSameKey(String keyFile) {
    String certified = OpenSsl.run(dir, "x509", "-in", "certs.pem", "-pubkey", "-noout").stdout();
    String key = OpenSsl.run(dir, "pkey", "-in", keyFile, "-pubout").stdout();
    assertThat(certified).contains("BEGIN PUBLIC KEY").isEqualTo(key);
  }

  private void writeCredential(Credential credential, String name) throws IOException {
    Files.writeString(dir.resolve(name + ".pem"), PemEncoder.certificates(credential.chain()));
    Files.writeString(dir.resolve(name + ".key"), PemEncoder.privateKey(credential.privateKey()));
  }

  // --- the JDK HttpClient

  private HttpClient client() throws Exception {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    anchors.setCertificateEntry("root", server.trustAnchor());
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(anchors);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(20)).build();
  }

  private HttpResponse<byte[]> get(URI uri) throws Exception {
    return client().send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> post(String operation, String contentType, byte[] body) throws Exception {
    String basic = Base64.getEncoder().encodeToString("estuser:estpwd".getBytes(StandardCharsets.UTF_8));
    return client().send(
        HttpRequest.newBuilder(server.uri().resolve(operation))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static CertificationRequest request(String subject) throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    return CsrBuilder.create().subject(subject).sign(Signer.of(key));
  }

  private static byte[] base64(byte[] der) {
    return Base64.getMimeEncoder().encode(der);
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** One part of a multipart body. */
  private record Part(String contentType, String transferEncoding, String body) {
    static List<Part> split(String multipart, String boundary) {
      List<Part> parts = new java.util.ArrayList<>();
      String[] pieces = multipart.split("\r\n--" + java.util.regex.Pattern.quote(boundary));
      // pieces[0] is "--boundary" + part one (the first delimiter has no CRLF before it)
      pieces[0] = pieces[0].substring(("--" + boundary).length());
      for (String piece : pieces) {
        if (piece.startsWith("--")) {
          break; // the close delimiter
        }
        String content = piece.substring(piece.indexOf("\r\n") + 2);
        int end = content.indexOf("\r\n\r\n");
        String type = null;
        String encoding = null;
        for (String line : content.substring(0, end).split("\r\n")) {
          String lower = line.toLowerCase(Locale.ROOT);
          if (lower.startsWith("content-type:")) {
            type = line.substring(13).trim();
          } else if (lower.startsWith("content-transfer-encoding:")) {
            encoding = line.substring(26).trim();
          }
        }
        parts.add(new Part(type, encoding, content.substring(end + 4)));
      }
      return parts;
    }
  }
}
