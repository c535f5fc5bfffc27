// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotpki.core.testing.Program;

/**
 * Runs the real {@code curl} command as an independent HTTP client.
 *
 * <p>Where curl is missing, tests are skipped with a loud message on a developer machine and fail
 * on CI ({@code CI=true}), as {@code OpenSsl} does.
 */
final class Curl {
  private static final boolean AVAILABLE = Program.answers("curl", "--version");

  private Curl() {}

  /** The result of one curl run. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Skips (or, on CI, fails) the calling test when curl is not installed. */
  static void require() {
    Program.require(AVAILABLE,
        "curl is not installed: the EST server's curl tests cannot run (apt-get install curl)");
  }

  /** Runs {@code curl -sS args...} in {@code directory} and waits at most 60 seconds. */
  static Result run(Path directory, String... args) {
    require();
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30"));
    command.addAll(List.of(args));
    Program.Result result = Program.run(directory, command);
    return new Result(result.exitCode(), result.stdoutText(), result.stderr());
  }
}
