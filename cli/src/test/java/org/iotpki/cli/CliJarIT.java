// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code cli/target/iotpki.jar} and the {@code ./iotpki} script in a real JVM. */
class CliJarIT {
  private static final Path JAR = Path.of("target", "iotpki.jar").toAbsolutePath();
  private static final Path SCRIPT = Path.of(System.getProperty("iotpki.root", ".."), "iotpki").toAbsolutePath();

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  private Result run(List<String> command) throws Exception {
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process process = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Result jar(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  @Test
  void theShadedJarRunsTheDemo() throws Exception {
    Result demo = jar("demo", "--out", dir.resolve("demo").toString());

    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("VALID (device <- issuing CA <- root)").contains("SIGNATURE_INVALID");
  }

  @Test
  void theShadedJarReportsGarbageWithoutAStackTrace() throws Exception {
    Files.write(dir.resolve("garbage.der"), new byte[] {0x30, (byte) 0x82, 0x7f, 0x7f, 0x01});

    Result show = jar("cert", "show", dir.resolve("garbage.der").toString(), "--json");

    assertThat(show.exitCode()).isEqualTo(2);
    assertThat(show.out()).contains("\"error\"");
    assertThat(show.out() + show.err()).doesNotContain("\tat ");
  }

  @Test
  void theScriptRunsTheJar() throws Exception {
    Result version = run(List.of("sh", SCRIPT.toString(), "--version"));

    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("iotpki 0.1.0");
  }
}
