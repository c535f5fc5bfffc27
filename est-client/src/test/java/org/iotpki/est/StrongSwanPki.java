package org.iotpki.est;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs strongSwan's {@code pki} tool (Debian strongswan-pki), an EST client we did not write. */
final class StrongSwanPki {
  private static final boolean AVAILABLE = probe();

  private StrongSwanPki() {}

  /** The output of one run. */
  record Result(int exitCode, byte[] stdout, String stderr) {
    String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  /** Skips the calling test, loudly, where pki cannot run; fails it on CI, which installs pki. */
  static void require() {
    if (!AVAILABLE) {
      String message = "strongSwan pki with --est is not installed (apt-get install strongswan-pki"
          + " libstrongswan-extra-plugins); the strongSwan EST interop test did not run";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      System.err.println("SKIPPED LOUDLY: " + message);
      assumeTrue(false, message);
    }
  }

  /** Runs {@code pki args...} in {@code directory}, waiting at most 60 seconds. */
  static Result run(Path directory, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("pki");
    command.addAll(List.of(args));
    Path stdout = directory.resolve(".pki.stdout");
    Path stderr = directory.resolve(".pki.stderr");
    Process process = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pki " + String.join(" ", args) + " timed out");
    }
    return new Result(process.exitValue(), Files.readAllBytes(stdout),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private static boolean probe() {
    try {
      Process process = new ProcessBuilder("pki", "--est", "--help").redirectErrorStream(true).start();
      String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(10, TimeUnit.SECONDS) && help.contains("--est");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
