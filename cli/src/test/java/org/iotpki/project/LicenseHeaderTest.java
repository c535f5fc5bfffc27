// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Java source file of the project starts with the license header (see LICENSE). */
class LicenseHeaderTest {
  static final String HEADER = "// SPDX-License-Identifier: Apache-2.0\n"
      + "// Copyright 2026 The iotpki Authors\n";

  @Test
  void everyJavaSourceFileStartsWithTheLicenseHeader() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> root.relativize(file).toString().replace('\\', '/').matches("[^/]+/src/.*"))
          .toList();
    }
    assertThat(sources).hasSizeGreaterThan(100);
    List<Path> without = sources.stream().filter(file -> !startsWithHeader(file)).toList();
    assertThat(without).as("files without the license header").isEmpty();
  }

  private static boolean startsWithHeader(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).startsWith(HEADER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
