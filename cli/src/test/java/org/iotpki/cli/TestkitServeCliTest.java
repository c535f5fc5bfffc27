// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.iotpki.core.io.CertsOnly;
import org.iotpki.core.io.PkiReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotpki testkit serve}: an EST server a client reaches with the printed URL and CA file. */
class TestkitServeCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void servesEstWithTheCaItWroteUntilStopped() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger exitCode = new AtomicInteger(-1);
    Thread serve = new Thread(() -> exitCode.set(Main.run(new PrintWriter(out), new PrintWriter(err),
        "testkit", "serve", "--dir", dir.toString(), "--est-port", "0", "--est-password", "secret", "--json")));
    serve.start();
    try {
      JsonNode started = JSON.readTree(awaitJson(out, serve));
      X509Certificate ca = PkiReader.defaults().readCertificate(Path.of(started.get("caFile").asText()));
      URI url = URI.create(started.get("url").asText());

      HttpResponse<String> cacerts = client(ca).send(
          HttpRequest.newBuilder(url.resolve("cacerts")).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(started.get("user").asText()).isEqualTo("estuser");
      assertThat(started.get("password").asText()).isEqualTo("secret");
      assertThat(started.get("caFile").asText()).isEqualTo(dir.resolve("ca.pem").toAbsolutePath().toString());
      assertThat(PkiReader.defaults().readCertificate(Path.of(started.get("issuingCaFile").asText()))
          .getSubjectX500Principal().getName()).isEqualTo("CN=iotpki Test Issuing CA");
      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(url.getPort()).isEqualTo(started.get("port").asInt()).isPositive();
      assertThat(cacerts.statusCode()).isEqualTo(200);
      List<X509Certificate> chain = CertsOnly.decode(Base64.getMimeDecoder().decode(cacerts.body()));
      assertThat(chain).extracting(c -> c.getSubjectX500Principal().getName())
          .containsExactlyInAnyOrder("CN=iotpki Test Issuing CA", "CN=iotpki Test Root CA");
      assertThat(chain).contains(ca);
    } finally {
      serve.interrupt();
      serve.join(30_000);
    }
    assertThat(serve.isAlive()).isFalse();
    assertThat(exitCode.get()).as(err.toString()).isZero();
  }

  @Test
  void servesScepToo() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Thread serve = new Thread(() -> Main.run(new PrintWriter(out), new PrintWriter(err),
        "testkit", "serve", "--dir", dir.resolve("scep").toString(), "--scep-port", "0",
        "--scep-challenge", "otp", "--json"));
    serve.start();
    try {
      JsonNode started = JSON.readTree(awaitJson(out, serve));
      assertThat(started.has("url")).isFalse();
      assertThat(started.get("scepChallenge").asText()).isEqualTo("otp");
      HttpResponse<String> caps = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(started.get("scepUrl").asText() + "?operation=GetCACaps"))
              .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(caps.body()).contains("POSTPKIOperation");
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
  }

  @Test
  void servesCmpToTheCmpCommands() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Thread serve = new Thread(() -> Main.run(new PrintWriter(out), new PrintWriter(err),
        "testkit", "serve", "--dir", dir.resolve("cmp").toString(), "--cmp-port", "0",
        "--cmp-secret", "s3cret", "--json"));
    serve.start();
    try {
      JsonNode started = JSON.readTree(awaitJson(out, serve));
      assertThat(started.get("cmpReference").asText()).isEqualTo("testkit");
      String url = started.get("cmpUrl").asText();
      Path device = dir.resolve("device");

      StringWriter enrollOut = new StringWriter();
      int enrolled = Main.run(new PrintWriter(enrollOut), new PrintWriter(err), "cmp", "enroll",
          "--url", url, "--ref", "testkit", "--secret", "s3cret", "--subject", "CN=cmp-device",
          "--trust", started.get("caFile").asText(), "--out", device.toString(), "--json");
      int renewed = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "cmp",
          "enroll", "--url", url, "--cmd", "kur", "--cert", device.resolve("chain.pem").toString(),
          "--cert-key", device.resolve("key.pem").toString(), "--trust",
          started.get("caFile").asText(), "--subject", "CN=cmp-device",
          "--out", dir.resolve("renewed").toString());

      assertThat(enrolled).as(err.toString()).isZero();
      assertThat(renewed).as(err.toString()).isZero();
      X509Certificate ca = PkiReader.defaults().readCertificate(Path.of(started.get("caFile").asText()));
      List<X509Certificate> chain = PkiReader.defaults()
          .readCertificates(dir.resolve("renewed").resolve("chain.pem"));
      assertThat(org.iotpki.core.validation.ChainValidator.builder().trustAnchor(ca).build()
          .validate(chain.stream().filter(c -> !c.equals(ca)).toList()).isValid()).isTrue();
      assertThat(chain.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=cmp-device");
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
  }

  @Test
  void aPortInUseIsAUsageErrorInOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      int code = Main.run(new PrintWriter(out), new PrintWriter(err),
          "testkit", "serve", "--dir", dir.toString(), "--est-port", Integer.toString(taken.getLocalPort()));

      assertThat(code).isEqualTo(ExitCode.USAGE_OR_INPUT);
      assertThat(err.toString()).startsWith("iotpki: cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .hasLineCount(1);
    }
  }

  /** The JSON object the command prints when it has started, once it is all there. */
  private static String awaitJson(StringWriter out, Thread serve) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline) && serve.isAlive()) {
      String text = out.toString();
      if (text.endsWith("}\n")) {
        return text;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("testkit serve printed no JSON object: " + out);
  }

  private static HttpClient client(X509Certificate ca) throws Exception {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    anchors.setCertificateEntry("ca", ca);
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(anchors);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(20)).build();
  }
}
