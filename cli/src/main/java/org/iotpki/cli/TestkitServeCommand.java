// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.testkit.CmpServer;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.ScepServer;
import org.iotpki.testkit.TestCa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iotpki testkit serve}: EST, SCEP and CMP servers on 127.0.0.1 with a new test CA, until
 * the process is stopped.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run an EST server (RFC 7030, --est-port), a SCEP server (RFC 8894, --scep-port) and/or a CMP",
      "server (RFC 9483, --cmp-port) on 127.0.0.1 with a new test CA, until stopped (Ctrl-C,",
      "SIGTERM). Creates a root and the issuing",
      "CA \"CN=iotpki Test Issuing CA\", writes the root to DIR/ca.pem (the TLS trust anchor and EST",
      "root) and the issuing CA to DIR/issuing-ca.pem, and prints the URLs and credentials.",
      "EST clients may authenticate with HTTP Basic or a TLS certificate the CA issued; SCEP clients",
      "with the challenge password; CMP clients with the shared secret (PasswordBasedMac) or a",
      "certificate the CA issued.",
      "Exit 2 for usage errors, such as a port in use."
    })
final class TestkitServeCommand extends IotpkiCommand {
  static final String ISSUING_CA = "CN=iotpki Test Issuing CA";

  @Option(names = "--dir", required = true, paramLabel = "DIR",
      description = "Where to write ca.pem and issuing-ca.pem (created if missing; earlier ones are replaced).")
  Path directory;

  @Option(names = "--est-port", paramLabel = "PORT",
      description = "Serve EST on this TCP port of 127.0.0.1; 0 picks a free one.")
  Integer port;

  @Option(names = "--scep-port", paramLabel = "PORT",
      description = "Serve SCEP (plain HTTP, http://127.0.0.1:PORT/scep) on this port; 0 picks a free one.")
  Integer scepPort;

  @Option(names = "--scep-challenge", paramLabel = "PW",
      description = "The SCEP challenge password (default: a random one, printed at start).")
  String scepChallenge;

  @Option(names = "--cmp-port", paramLabel = "PORT",
      description = "Serve CMP (plain HTTP, http://127.0.0.1:PORT/cmp) on this port; 0 picks a free one.")
  Integer cmpPort;

  @Option(names = "--cmp-reference", paramLabel = "REF", defaultValue = "testkit",
      description = "The reference (senderKID) of the CMP shared secret (default: ${DEFAULT-VALUE}).")
  String cmpReference;

  @Option(names = "--cmp-secret", paramLabel = "SECRET",
      description = "The CMP shared secret (default: a random one, printed at start).")
  String cmpSecret;

  @Option(names = "--est-user", paramLabel = "USER", defaultValue = EstServer.DEFAULT_USERNAME,
      description = "The HTTP Basic user name (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--est-password", paramLabel = "PASSWORD",
      description = "The HTTP Basic password (default: a random one, printed at start).")
  String password;

  @Override
  int execute() throws IOException {
    if (port == null && scepPort == null && cmpPort == null) {
      return error("nothing to serve: give --est-port, --scep-port and/or --cmp-port");
    }
    for (Integer p : new Integer[] {port, scepPort, cmpPort}) {
      if (p != null && (p < 0 || p > 65535)) {
        return error("a port is 0 to 65535, not " + p);
      }
    }
    if (user.isEmpty() || user.indexOf(':') >= 0) {
      return error("--est-user must not be empty nor contain ':'");
    }
    if ((password != null && password.isEmpty())
        || (scepChallenge != null && scepChallenge.isEmpty())
        || (cmpSecret != null && cmpSecret.isEmpty()) || cmpReference.isEmpty()) {
      return error(
          "--est-password, --scep-challenge, --cmp-reference and --cmp-secret must not be empty");
    }
    char[] secret = password != null ? password.toCharArray() : randomPassword();
    char[] challenge = scepChallenge != null ? scepChallenge.toCharArray() : randomPassword();
    char[] cmpShared = cmpSecret != null ? cmpSecret.toCharArray() : randomPassword();

    TestCa root = TestCa.create();
    TestCa issuing = root.intermediate(ISSUING_CA);
    Path caFile = Files.createDirectories(directory).resolve("ca.pem");
    Files.writeString(caFile, PemEncoder.certificate(root.certificate()));
    Path issuingCaFile = directory.resolve("issuing-ca.pem");
    Files.writeString(issuingCaFile, PemEncoder.certificate(issuing.certificate()));

    List<AutoCloseable> servers = new ArrayList<>();
    Map<String, Object> fields = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    try {
      if (port != null) {
        EstServer est = EstServer.builder(issuing).credentials(user, secret).port(port).start();
        servers.add(est);
        fields.put("url", est.uri().toString());
        fields.put("port", est.port());
        fields.put("user", user);
        fields.put("password", new String(secret));
        text.append("EST server at ").append(est.uri()).append(" (trust ")
            .append(caFile.toAbsolutePath()).append("), user ").append(user)
            .append(", password ").append(secret).append('\n');
      }
      if (scepPort != null) {
        ScepServer scep = ScepServer.builder(issuing).challenge(challenge).port(scepPort).start();
        servers.add(scep);
        fields.put("scepUrl", scep.uri().toString());
        fields.put("scepPort", scep.port());
        fields.put("scepChallenge", new String(challenge));
        text.append("SCEP server at ").append(scep.uri()).append(", challenge ")
            .append(challenge).append('\n');
      }
      if (cmpPort != null) {
        CmpServer cmp = CmpServer.builder(issuing).sharedSecret(cmpReference, cmpShared)
            .port(cmpPort).start();
        servers.add(cmp);
        Path cmpServerFile = directory.resolve("cmp-server.pem");
        Files.writeString(cmpServerFile, PemEncoder.certificate(cmp.serverCertificate()));
        fields.put("cmpUrl", cmp.uri().toString());
        fields.put("cmpPort", cmp.port());
        fields.put("cmpReference", cmpReference);
        fields.put("cmpSecret", new String(cmpShared));
        fields.put("cmpServerFile", cmpServerFile.toAbsolutePath().toString());
        text.append("CMP server at ").append(cmp.uri()).append(", reference ")
            .append(cmpReference).append(", secret ").append(cmpShared).append('\n');
      }
    } catch (UncheckedIOException e) {
      closeAll(servers);
      return error(e.getMessage());
    }
    fields.put("caFile", caFile.toAbsolutePath().toString());
    fields.put("issuingCaFile", issuingCaFile.toAbsolutePath().toString());
    Thread closeOnExit = new Thread(() -> closeAll(servers), "iotpki-testkit-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(closeOnExit);
    try {
      output.result(out(), fields, text.toString());
      new CountDownLatch(1).await(); // until the JVM exits (the hook closes the servers) or interrupted
      return ExitCode.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.OK; // stopped in process, as a test does
    } finally {
      closeAll(servers);
      try {
        Runtime.getRuntime().removeShutdownHook(closeOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
  }

  private static void closeAll(List<AutoCloseable> servers) {
    for (AutoCloseable server : servers) {
      try {
        server.close();
      } catch (Exception e) {
        // closing test servers on the way out: nothing to do about it
      }
    }
  }

  private static char[] randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).toCharArray();
  }
}
