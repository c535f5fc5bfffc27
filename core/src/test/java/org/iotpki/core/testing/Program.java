// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real program (openssl, curl, strongSwan's pki, a peer server) as an independent peer of
 * a test. Where it is missing, tests are skipped with a loud message on a developer machine and
 * fail on CI ({@code CI=true}), which installs it.
 */
public final class Program {
  private static final long TIMEOUT_SECONDS = 60;

  private Program() {}

  /** The output of a finished run. */
  public record Result(int exitCode, byte[] stdout, String stderr) {
    /** The standard output as UTF-8 text. */
    public String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  /** Whether {@code program} is an executable on the PATH. */
  public static boolean installed(String program) {
    return List.of(System.getenv("PATH").split(File.pathSeparator)).stream()
        .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
  }

  /** Skips (or, on CI, fails) the calling test unless {@code available}, saying {@code why}. */
  public static void require(boolean available, String why) {
    if (!available) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      System.err.println("SKIPPED LOUDLY: " + why);
      assumeTrue(false, why);
    }
  }

  /**
   * Runs {@code command} in {@code directory} to completion, at most 60 seconds. Output goes to
   * files named after the program in {@code directory}: a pipe that fills up would block it.
   */
  public static Result run(Path directory, List<String> command) {
    String name = Path.of(command.get(0)).getFileName().toString();
    Path stdout = directory.resolve("." + name + ".stdout");
    Path stderr = directory.resolve("." + name + ".stderr");
    try {
      Process process = new ProcessBuilder(command)
          .directory(directory.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile())
          .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " timed out");
      }
      return new Result(process.exitValue(), Files.readAllBytes(stdout),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Starts a long-running {@code command} (a server), its output and errors to {@code log}. */
  public static Process start(Path directory, Path log, String... command) throws IOException {
    return new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Whether {@code command} runs and exits 0 within 10 seconds, its output discarded. */
  public static boolean answers(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
