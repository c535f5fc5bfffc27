package org.iotpki.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.TestCa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iotpki testkit serve}: an EST server on 127.0.0.1 with a new test CA, until the process
 * is stopped.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run an EST server (RFC 7030) on 127.0.0.1 with a new test CA, until stopped (Ctrl-C, SIGTERM).",
      "Creates a root and the issuing CA \"CN=iotpki Test EST CA\", writes the root to DIR/ca.pem (the",
      "TLS trust anchor and EST root) and the issuing CA to DIR/issuing-ca.pem, and prints the URL, the",
      "CA file and the HTTP Basic credentials.",
      "Clients may authenticate with those or with a TLS certificate the CA issued.",
      "Exit 2 for usage errors, such as a port in use."
    })
final class TestkitServeCommand extends IotpkiCommand {
  static final String ISSUING_CA = "CN=iotpki Test EST CA";

  @Option(names = "--dir", required = true, paramLabel = "DIR",
      description = "Where to write ca.pem and issuing-ca.pem (created if missing; earlier ones are replaced).")
  Path directory;

  @Option(names = "--est-port", required = true, paramLabel = "PORT",
      description = "The EST server's TCP port on 127.0.0.1; 0 picks a free one.")
  int port;

  @Option(names = "--est-user", paramLabel = "USER", defaultValue = EstServer.DEFAULT_USERNAME,
      description = "The HTTP Basic user name (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--est-password", paramLabel = "PASSWORD",
      description = "The HTTP Basic password (default: a random one, printed at start).")
  String password;

  @Override
  int execute() throws IOException {
    if (port < 0 || port > 65535) {
      return error("--est-port must be a TCP port (0 to 65535), not " + port);
    }
    if (user.isEmpty() || user.indexOf(':') >= 0) {
      return error("--est-user must not be empty nor contain ':'");
    }
    if (password != null && password.isEmpty()) {
      return error("--est-password must not be empty");
    }
    char[] secret = password != null ? password.toCharArray() : randomPassword();

    TestCa root = TestCa.create();
    TestCa issuing = root.intermediate(ISSUING_CA);
    Path caFile = Files.createDirectories(directory).resolve("ca.pem");
    Files.writeString(caFile, PemEncoder.certificate(root.certificate()));
    Path issuingCaFile = directory.resolve("issuing-ca.pem");
    Files.writeString(issuingCaFile, PemEncoder.certificate(issuing.certificate()));

    EstServer.Builder builder = EstServer.builder(issuing).credentials(user, secret).port(port);
    EstServer server;
    try {
      server = builder.start();
    } catch (UncheckedIOException e) {
      return error("cannot listen on 127.0.0.1:" + port + ": " + e.getCause().getMessage());
    }
    Thread closeOnExit = new Thread(server::close, "iotpki-testkit-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(closeOnExit);
    try {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("url", server.uri().toString());
      fields.put("port", server.port());
      fields.put("caFile", caFile.toAbsolutePath().toString());
      fields.put("issuingCaFile", issuingCaFile.toAbsolutePath().toString());
      fields.put("user", user);
      fields.put("password", new String(secret));
      output.result(out(), fields, "EST server at " + server.uri() + " (trust " + caFile.toAbsolutePath()
          + "), user " + user + ", password " + new String(secret) + "\n");
      new CountDownLatch(1).await(); // until the JVM exits (the hook closes the server) or interrupted
      return ExitCode.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.OK; // stopped in process, as a test does
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(closeOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
  }

  private static char[] randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).toCharArray();
  }
}
