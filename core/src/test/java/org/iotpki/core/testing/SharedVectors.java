// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public interop vectors in {@code shared/vectors/} beside the repository (C509 appendix,
 * PQC hackathon certificates). Read in place, never copied into the project.
 *
 * <p>Where shared/ is missing, tests are skipped with a loud message; on CI ({@code CI=true}),
 * which always has it, they fail.
 */
public final class SharedVectors {
  private SharedVectors() {}

  /** The directory {@code shared/vectors/<name>}, or a skip (a failure on CI) if absent. */
  public static Path directory(String name) {
    Path root = Path.of(System.getProperty("iotpki.root", "..")).toAbsolutePath().normalize();
    Path directory = root.resolveSibling("shared").resolve("vectors").resolve(name);
    if (!Files.isDirectory(directory)) {
      String message = "shared vectors not found at " + directory + ": the interop tests cannot run";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      System.err.println("SKIPPED LOUDLY: " + message);
      assumeTrue(false, message);
    }
    return directory;
  }
}
