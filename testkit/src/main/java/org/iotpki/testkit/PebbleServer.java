// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.HttpRequest;
import org.iotpki.core.enroll.HttpResponse;
import org.iotpki.core.enroll.JdkHttpTransport;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;

/**
 * Let's Encrypt's ACME test server Pebble ({@code pebble}, Debian package {@code pebble}) as a
 * peer for tests of ACME clients, on 127.0.0.1 with a TLS certificate from a test CA made here.
 *
 * <pre>{@code
 * try (PebbleServer pebble = PebbleServer.builder(tempDir).httpPort(responderPort).start()) {
 *   ... AcmeEnrollmentClient.builder(pebble.directory()).trustAnchors(List.of(pebble.tlsTrust())) ...
 * }
 * }</pre>
 *
 * <p>Pebble keeps its state in memory: a new server has no accounts, and new random CA keys.
 */
public final class PebbleServer implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Listening on: ");
  private static final Pattern REVOKED = Pattern.compile("\"Status\":\\s*\"Revoked\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final TestCa tlsCa;
  private final Process process;
  private final URI directory;
  private final URI management;

  private PebbleServer(Builder builder) throws Exception {
    tlsCa = TestCa.create();
    KeyPair tlsKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    X509Certificate tlsCertificate = tlsCa.issue("CN=pebble", tlsKey.getPublic(),
        b -> b.subjectAltNames(GeneralName.ip(Loopback.address()), GeneralName.dns("localhost")));
    Path dir = Files.createDirectories(builder.dir);
    write(dir.resolve("pebble-cert.pem"), PemEncoder.certificate(tlsCertificate));
    write(dir.resolve("pebble-key.pem"), PemEncoder.privateKey(tlsKey.getPrivate()));
    int acmePort = freePort();
    int managementPort = freePort();
    write(dir.resolve("pebble-config.json"), "{\"pebble\": {"
        + "\"listenAddress\": \"127.0.0.1:" + acmePort + "\","
        + "\"managementListenAddress\": \"127.0.0.1:" + managementPort + "\","
        + "\"certificate\": \"pebble-cert.pem\", \"privateKey\": \"pebble-key.pem\","
        + "\"httpPort\": " + builder.httpPort + ", \"tlsPort\": " + freePort() + ","
        + "\"ocspResponderURL\": \"\","
        + "\"externalAccountBindingRequired\": " + !builder.macKeys.isEmpty() + ","
        + "\"externalAccountMACKeys\": {" + macKeys(builder.macKeys) + "}}}");
    ProcessBuilder command = new ProcessBuilder("pebble", "-config", "pebble-config.json")
        .directory(dir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true);
    command.environment().putAll(builder.environment);
    process = command.start();
    try {
      ServerOutput.awaitLine(process, LISTENING, 20, "pebble");
    } catch (Exception e) {
      process.destroy();
      throw e;
    }
    directory = URI.create("https://127.0.0.1:" + acmePort + "/dir");
    management = URI.create("https://127.0.0.1:" + managementPort + "/");
  }

  /** A builder for a server whose files go to {@code dir}. */
  public static Builder builder(Path dir) {
    return new Builder(dir);
  }

  /** The ACME directory, {@code https://127.0.0.1:PORT/dir}. */
  public URI directory() {
    return directory;
  }

  /** The root of the server's TLS certificate: the trust anchor for {@link #directory()}. */
  public X509Certificate tlsTrust() {
    return tlsCa.root();
  }

  /**
   * The root of the chain Pebble issues certificates under ({@code index} 0), or of its
   * alternate chains (1 and up, with {@link Builder#alternateRoots}), from its management
   * interface.
   */
  public X509Certificate issuingRoot(int index) throws EnrollmentTransportException,
      PkiParseException {
    HttpResponse response = managementGet("roots/" + index);
    if (response.status() != 200) {
      throw new IllegalStateException("pebble has no root " + index + ": " + response.status());
    }
    return PkiReader.defaults().readCertificate(response.body());
  }

  /**
   * Whether Pebble has recorded {@code serial} as revoked, from its management interface ({@code
   * /cert-status-by-serial/SERIAL}).
   */
  public boolean revoked(BigInteger serial) throws EnrollmentTransportException {
    HttpResponse response = managementGet("cert-status-by-serial/" + serial.toString(16));
    if (response.status() != 200) {
      throw new IllegalStateException("pebble knows no serial " + serial.toString(16) + ": "
          + response.status());
    }
    return REVOKED.matcher(new String(response.body(), StandardCharsets.UTF_8)).find();
  }

  private HttpResponse managementGet(String path) throws EnrollmentTransportException {
    return JdkHttpTransport.builder().trustAnchors(List.of(tlsTrust())).build()
        .send(HttpRequest.get(management.resolve(path), Map.of(), TIMEOUT));
  }

  @Override
  public void close() {
    process.destroy();
  }

  private static String macKeys(Map<String, String> keys) {
    StringBuilder json = new StringBuilder();
    keys.forEach((kid, key) -> json.append(json.length() == 0 ? "" : ",")
        .append('"').append(kid).append("\": \"").append(key).append('"'));
    return json.toString();
  }

  /** A TCP port free on 127.0.0.1 now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, Loopback.address())) {
      return socket.getLocalPort();
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }

  /** Configures a {@link PebbleServer}. */
  public static final class Builder {
    private final Path dir;
    private int httpPort;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> macKeys = new LinkedHashMap<>();

    private Builder(Path dir) {
      this.dir = Objects.requireNonNull(dir, "dir");
      environment.put("PEBBLE_VA_NOSLEEP", "1");
      environment.put("PEBBLE_WFE_NONCEREJECT", "0");
    }

    /** The port on 127.0.0.1 where Pebble validates http-01 challenges (default: a free one). */
    public Builder httpPort(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("not a TCP port: " + port);
      }
      this.httpPort = port;
      return this;
    }

    /** Pebble accepts every challenge without validating it ({@code PEBBLE_VA_ALWAYS_VALID}). */
    public Builder alwaysValid() {
      environment.put("PEBBLE_VA_ALWAYS_VALID", "1");
      return this;
    }

    /**
     * Pebble rejects this share of good nonces with {@code badNonce} ({@code
     * PEBBLE_WFE_NONCEREJECT}; default 0 here, 5 in Pebble).
     */
    public Builder nonceRejectPercent(int percent) {
      if (percent < 0 || percent > 100) {
        throw new IllegalArgumentException("not a percentage: " + percent);
      }
      environment.put("PEBBLE_WFE_NONCEREJECT", Integer.toString(percent));
      return this;
    }

    /** Alternate issuance chains ({@code PEBBLE_ALTERNATE_ROOTS}). */
    public Builder alternateRoots(int count) {
      environment.put("PEBBLE_ALTERNATE_ROOTS", Integer.toString(count));
      return this;
    }

    /**
     * Requires external account binding, accepting this key identifier with this base64url
     * HMAC key.
     */
    public Builder externalAccountKey(String keyId, String base64UrlHmacKey) {
      macKeys.put(Objects.requireNonNull(keyId, "keyId"),
          Objects.requireNonNull(base64UrlHmacKey, "base64UrlHmacKey"));
      return this;
    }

    /**
     * Starts {@code pebble} in the directory (which gets its files).
     *
     * @throws Exception if pebble is missing or does not start listening within 20 seconds
     */
    public PebbleServer start() throws Exception {
      if (httpPort == 0) {
        httpPort = freePort();
      }
      return new PebbleServer(this);
    }
  }
}
