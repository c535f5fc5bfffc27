// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scans the DEBUG logs of every module's unit tests ({@code <module>/target/test.log}, written by
 * slf4j-simple as the root pom configures surefire) for the tests' known secrets. It runs in cli's
 * integration-test phase, after the unit tests of cli, the last module with tests, so every log of
 * the build is complete.
 */
class TestLogSecretsIT {
  private static final Path ROOT =
      Path.of(System.getProperty("iotpki.root", "..")).toAbsolutePath().normalize();

  @Test
  void noTestLogHoldsAKnownSecret() throws IOException {
    List<Path> logs;
    try (Stream<Path> modules = Files.list(ROOT)) {
      logs = modules.map(module -> module.resolve("target/test.log"))
          .filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(logs).as("cli's unit tests must have logged to target/test.log")
        .contains(ROOT.resolve("cli/target/test.log"));

    List<LogSecretScanner.Finding> findings = new ArrayList<>();
    for (Path log : logs) {
      findings.addAll(LogSecretScanner.scan(log));
    }
    assertThat(findings).as("test secrets in the logs of " + logs).isEmpty();
  }
}
