// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the real {@code openssl} command as an independent peer.
 *
 * <p>Where openssl is missing, tests are skipped with a loud message on a developer machine and
 * fail on CI ({@code CI=true}), which installs it.
 */
public final class OpenSsl {
  private static final boolean AVAILABLE = Program.answers("openssl", "version");

  private OpenSsl() {}

  /** Skips (or, on CI, fails) the calling test when openssl is not installed. */
  public static void require() {
    Program.require(AVAILABLE,
        "openssl is not installed: the OpenSSL interop tests cannot run (apt-get install openssl)");
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
    Program.Result result = Program.run(directory, command);
    return new Result(result.exitCode(), new String(result.stdout(), StandardCharsets.UTF_8),
        result.stderr());
  }
}
