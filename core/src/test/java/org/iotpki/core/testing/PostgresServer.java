// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for one test class: initdb into a temporary directory, started on a free
 * 127.0.0.1 port, stopped and deleted by {@link #close()}. Runs as the {@code postgres} user when the
 * tests run as root (PostgreSQL refuses to run as root).
 *
 * <p>Where no PostgreSQL is installed, tests are skipped with a loud message on a developer
 * machine and fail on CI ({@code CI=true}), which installs it.
 */
public final class PostgresServer implements AutoCloseable {
  private final Path directory;
  private final Path bin;
  private final int port;
  private final boolean asPostgresUser;

  private PostgresServer(Path directory, Path bin, int port, boolean asPostgresUser) {
    this.directory = directory;
    this.bin = bin;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** Starts a server, or skips (fails on CI) when PostgreSQL is not installed. */
  public static PostgresServer start() throws Exception {
    Path bin = findBin();
    if (bin == null) {
      String message = "PostgreSQL is not installed: the JDBC audit tests cannot run (apt-get install postgresql)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      System.err.println("SKIPPED LOUDLY: " + message);
      assumeTrue(false, message);
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path directory = Files.createTempDirectory("iotpki-postgres-");
    if (root) {
      run(List.of("chown", "postgres", directory.toString()), false);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PostgresServer server = new PostgresServer(directory, bin, port, root);
    Path data = directory.resolve("data");
    server.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "iotpki", "--auth=trust", "-E", "UTF8"));
    server.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l", directory.resolve("log").toString(),
        "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=on", "start"));
    return server;
  }

  /** A new connection to the server's {@code postgres} database. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl());
  }

  /** The JDBC URL of the server's {@code postgres} database, with its user. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=iotpki";
  }

  @Override
  public void close() throws Exception {
    try {
      pg(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-w", "-m", "fast", "stop"));
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private void pg(List<String> command) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full, true);
  }

  private static void run(List<String> command, boolean quiet) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + new String(output, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static Path findBin() throws IOException {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        return versions.map(version -> version.resolve("bin"))
            .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
            .max(Comparator.comparing(Path::toString))
            .orElse(null);
      }
    }
    return null;
  }
}
