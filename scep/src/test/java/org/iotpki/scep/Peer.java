package org.iotpki.scep;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An independent SCEP implementation run as a process: micromdm's scepserver, strongSwan's pki. */
final class Peer {
  private Peer() {}

  /** Skips the calling test loudly where {@code program} is missing; fails it on CI. */
  static void require(String program, String packages) {
    boolean installed = List.of(System.getenv("PATH").split(File.pathSeparator)).stream()
        .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    if (!installed) {
      String message = program + " is not installed (apt-get install " + packages
          + "); the SCEP interop test with it did not run";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      System.err.println("SKIPPED LOUDLY: " + message);
      assumeTrue(false, message);
    }
  }

  /** The output of a finished run. */
  record Result(int exitCode, byte[] stdout, String stderr) {}

  /** Runs a command in {@code directory} to completion (at most 60 seconds). */
  static Result run(Path directory, String... command) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile(directory, "peer", ".out");
    Path stderr = Files.createTempFile(directory, "peer", ".err");
    Process process = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " timed out");
    }
    return new Result(process.exitValue(), Files.readAllBytes(stdout),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  /** Starts a long-running command, its output to {@code log}. */
  static Process start(Path directory, Path log, String... command) throws IOException {
    return new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
