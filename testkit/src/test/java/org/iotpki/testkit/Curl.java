package org.iotpki.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code curl} command as an independent HTTP client.
 *
 * <p>Where curl is missing, tests are skipped with a loud message on a developer machine and fail
 * on CI ({@code CI=true}), as {@code OpenSsl} does.
 */
final class Curl {
  private static final boolean AVAILABLE = probe();

  private Curl() {}

  /** The result of one curl run. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Skips (or, on CI, fails) the calling test when curl is not installed. */
  static void require() {
    if (!AVAILABLE) {
      String message = "curl is not installed: the EST server's curl tests cannot run (apt-get install curl)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      System.err.println("SKIPPED LOUDLY: " + message);
      assumeTrue(false, message);
    }
  }

  /** Runs {@code curl -sS args...} in {@code directory} and waits at most 60 seconds. */
  static Result run(Path directory, String... args) {
    require();
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30"));
    command.addAll(List.of(args));
    Path stdout = directory.resolve(".curl.stdout");
    Path stderr = directory.resolve(".curl.stderr");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("curl " + String.join(" ", args) + " timed out");
      }
      return new Result(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run curl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static boolean probe() {
    try {
      Process process = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
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
