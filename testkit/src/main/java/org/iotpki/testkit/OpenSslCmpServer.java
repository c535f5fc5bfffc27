// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.PemEncoder;

/**
 * OpenSSL's CMP mock server ({@code openssl cmp -port 0}, OpenSSL 3.0 or later) as a peer for
 * tests of CMP clients, with a test CA made here. It does not issue: it answers every certificate
 * request with one fixed certificate, so tests request that certificate's key ({@link
 * #deviceKey}). It accepts the shared secret {@link #SECRET} under {@link #REFERENCE}, and
 * signatures by certificates of {@link #ca}.
 *
 * <pre>{@code
 * try (OpenSslCmpServer cmp = OpenSslCmpServer.start(tempDir)) {
 *   ... CmpClient.builder(cmp.uri()).sharedSecret(OpenSslCmpServer.REFERENCE, OpenSslCmpServer.SECRET) ...
 * }
 * }</pre>
 *
 * <p>It listens on all interfaces (OpenSSL cannot bind one) and serves one connection at a time:
 * use one HTTP client per server. OpenSSL 3.0's mock server can crash across scenarios: start a
 * fresh one per test.
 */
public final class OpenSslCmpServer implements AutoCloseable {
  /** The reference (senderKID) of the shared secret. */
  public static final String REFERENCE = "mock-reference";
  /** The shared secret. */
  public static final char[] SECRET = "cmp-shared-secret".toCharArray();
  private static final Pattern ACCEPT = Pattern.compile("ACCEPT \\[::\\]:(\\d+)");

  /** The CA of every certificate here. */
  public final TestCa ca;
  /** The server's signing credential. */
  public final Credential serverCredential;
  /** A client credential the server accepts signatures of. */
  public final Credential clientCredential;
  /** The key whose certificate the server returns. */
  public final KeyPair deviceKey;
  /** The certificate the server returns for every request. */
  public final X509Certificate deviceCertificate;
  private final Process process;
  private final URI uri;

  private OpenSslCmpServer(Path dir, List<String> extra) throws Exception {
    ca = TestCa.create();
    serverCredential = ca.issue("CN=iotpki CMP mock server");
    clientCredential = ca.issue("CN=cmp-client");
    deviceKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    deviceCertificate = ca.issue("CN=cmp-device", deviceKey.getPublic(), b -> b);
    write(dir, "ca.pem", PemEncoder.certificate(ca.certificate()));
    write(dir, "srv.pem", PemEncoder.certificate(serverCredential.certificate()));
    write(dir, "srv.key", PemEncoder.privateKey(serverCredential.privateKey()));
    write(dir, "rsp.pem", PemEncoder.certificate(deviceCertificate));
    List<String> command = new ArrayList<>(List.of("openssl", "cmp", "-port", "0",
        "-srv_ref", REFERENCE, "-srv_secret", "pass:" + new String(SECRET),
        "-srv_cert", "srv.pem", "-srv_key", "srv.key", "-srv_trusted", "ca.pem",
        "-rsp_cert", "rsp.pem", "-rsp_capubs", "ca.pem"));
    command.addAll(extra);
    process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true).start();
    uri = URI.create("http://127.0.0.1:" + awaitPort() + "/pkix/");
  }

  /**
   * Starts {@code openssl cmp} in {@code dir} (which gets its files) with more options, such as
   * {@code -poll_count 2 -check_after 1} or {@code -grant_implicitconf}.
   *
   * @throws Exception if openssl is missing or does not start listening within 20 seconds
   */
  public static OpenSslCmpServer start(Path dir, String... extraOptions) throws Exception {
    return new OpenSslCmpServer(dir, List.of(extraOptions));
  }

  /** The server's URI, {@code http://127.0.0.1:PORT/pkix/}. */
  public URI uri() {
    return uri;
  }

  private int awaitPort() throws Exception {
    // OpenSSL prints the port it got for -port 0.
    return Integer.parseInt(ServerOutput.awaitLine(process, ACCEPT, 20, "openssl-cmp").group(1));
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    process.destroy();
  }
}
