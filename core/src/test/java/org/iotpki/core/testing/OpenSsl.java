package org.iotpki.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code openssl} command as an independent peer.
 *
 * <p>Where openssl is missing, tests are skipped with a loud message on a developer machine and
 * fail on CI ({@code CI=true}), which installs it.
 */
public final class OpenSsl {
  private static final boolean AVAILABLE = probe();

  private OpenSsl() {}

  /** Skips (or, on CI, fails) the calling test when openssl is not installed. */
  public static void require() {
    if (!AVAILABLE) {
      String message = "openssl is not installed: the OpenSSL interop tests cannot run (apt-get install openssl)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      System.err.println("SKIPPED LOUDLY: " + message);
      assumeTrue(false, message);
    }
  }

  /** The result of one openssl run. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** The output, for assertion messages. */
    public String output() {
      return stdout + stderr;
    }
  }

  /** Runs {@code openssl args...} in {@code directory} and waits at most 60 seconds. */
  public static Result run(Path directory, String... args) {
    require();
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    // Output goes to files: a pipe that fills up would block openssl before it exits.
    Path stdout = directory.resolve(".openssl.stdout");
    Path stderr = directory.resolve(".openssl.stderr");
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
        throw new AssertionError("openssl " + String.join(" ", args) + " timed out");
      }
      return new Result(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run openssl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static boolean probe() {
    try {
      Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
