// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotpki.core.io.PemEncoder;

/**
 * OpenSSL's OCSP responder ({@code openssl ocsp -port 0 -index ...}) on a free port, as a peer for
 * tests of OCSP clients, and its offline mode (a request file in, a response file out) for
 * responses to replay or staple. The index lists the certificates it knows, in the format of
 * {@code openssl ca}'s index.txt.
 *
 * <pre>{@code
 * String index = OpenSslOcspResponder.valid(serial, notAfter, "/CN=good");
 * try (OpenSslOcspResponder ocsp = OpenSslOcspResponder.start(dir, ca, ca, index, "-nmin", "10")) {
 *   ... ocsp.uri() ...
 * }
 * }</pre>
 */
public final class OpenSslOcspResponder implements AutoCloseable {
  private static final Pattern ACCEPT = Pattern.compile("ACCEPT \\S+:(\\d+)");
  private static final DateTimeFormatter INDEX_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Process process;
  private final URI uri;

  private OpenSslOcspResponder(Process process, URI uri) {
    this.process = process;
    this.uri = uri;
  }

  /** An index line of a valid certificate. */
  public static String valid(BigInteger serial, Instant notAfter, String subject) {
    return "V\t" + INDEX_TIME.format(notAfter) + "\t\t" + hex(serial) + "\tunknown\t" + subject + "\n";
  }

  /** An index line of a revoked certificate; {@code reason} as openssl names it, such as {@code keyCompromise}. */
  public static String revoked(BigInteger serial, Instant notAfter, Instant revokedAt, String reason, String subject) {
    return "R\t" + INDEX_TIME.format(notAfter) + "\t" + INDEX_TIME.format(revokedAt) + "," + reason + "\t"
        + hex(serial) + "\tunknown\t" + subject + "\n";
  }

  /**
   * Starts the responder in {@code dir} for certificates of {@code ca}, signing with {@code
   * signer}'s key and certificate, with more options such as {@code -nmin 10}.
   */
  public static OpenSslOcspResponder start(Path dir, Issuer ca, Issuer signer, String index, String... options)
      throws Exception {
    OpenSsl.require();
    List<String> command = command(dir, ca, signer, index, options);
    command.addAll(2, List.of("-port", "0"));
    Path log = dir.resolve("ocsp-responder.log");
    Process process = Program.start(dir, log, command.toArray(String[]::new));
    return new OpenSslOcspResponder(process, URI.create("http://127.0.0.1:" + awaitPort(process, log) + "/"));
  }

  /**
   * The response the same responder gives to {@code request} (a DER OCSPRequest), made offline by
   * {@code openssl ocsp -reqin -respout}.
   */
  public static byte[] respond(Path dir, Issuer ca, Issuer signer, String index, byte[] request, String... options)
      throws Exception {
    Files.write(dir.resolve("request.der"), request);
    List<String> command = command(dir, ca, signer, index, options);
    command.addAll(List.of("-reqin", "request.der", "-respout", "response.der"));
    OpenSsl.Result result = OpenSsl.run(dir, command.subList(1, command.size()).toArray(String[]::new));
    if (result.exitCode() != 0) {
      throw new AssertionError("openssl ocsp failed: " + result.output());
    }
    return Files.readAllBytes(dir.resolve("response.der"));
  }

  private static List<String> command(Path dir, Issuer ca, Issuer signer, String index, String... options)
      throws IOException {
    write(dir, "index.txt", index);
    write(dir, "ca.pem", PemEncoder.certificate(ca.certificate()));
    write(dir, "rsigner.pem", PemEncoder.certificate(signer.certificate()));
    write(dir, "rkey.pem", PemEncoder.privateKey(signer.keyPair().getPrivate()));
    List<String> command = new ArrayList<>(List.of("openssl", "ocsp", "-index", "index.txt", "-CA", "ca.pem",
        "-rsigner", "rsigner.pem", "-rkey", "rkey.pem"));
    command.addAll(List.of(options));
    return command;
  }

  /** OpenSSL prints the port it got for -port 0; the log is polled because it goes to a file. */
  private static int awaitPort(Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      Matcher accept = ACCEPT.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (accept.find()) {
        return Integer.parseInt(accept.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError("openssl ocsp ended: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      Thread.sleep(20);
    }
    process.destroy();
    throw new AssertionError("openssl ocsp did not listen within 20 seconds");
  }

  /** openssl ca's serial format: upper-case hex of whole bytes. */
  private static String hex(BigInteger serial) {
    String hex = serial.toString(16).toUpperCase(Locale.ROOT);
    return hex.length() % 2 == 0 ? hex : "0" + hex;
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
  }

  /** The responder's URI, {@code http://127.0.0.1:PORT/}. */
  public URI uri() {
    return uri;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
