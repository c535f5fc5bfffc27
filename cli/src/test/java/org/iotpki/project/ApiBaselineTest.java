// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public API of each library module must match its committed baseline, {@code
 * api/<module>.api}: every change to it shows in review as a diff of that file. After an intended
 * change, rewrite the baselines with {@code ./mvnw -B verify -pl cli -am -Dtest=ApiBaselineTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true} and commit them with the change.
 */
class ApiBaselineTest {
  private static final Path BASELINES = Path.of("..", "api");
  private static final List<String> LIBRARY_MODULES = List.of("org.iotpki.acme", "org.iotpki.cmp",
      "org.iotpki.core", "org.iotpki.est", "org.iotpki.matter", "org.iotpki.pqc", "org.iotpki.scep",
      "org.iotpki.testkit");

  @Test
  void everyLibraryModulesApiMatchesItsBaseline() throws IOException {
    Map<String, List<String>> modules = ApiSignatures.ofLibraryModules();
    modules.remove("org.iotpki.cli"); // the application: it exports nothing
    assertThat(modules.keySet()).containsExactlyInAnyOrderElementsOf(LIBRARY_MODULES);
    boolean update = Boolean.getBoolean("api.update");
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, List<String>> module : modules.entrySet()) {
      Path baseline = BASELINES.resolve(module.getKey() + ".api");
      String actual = String.join("\n", module.getValue()) + "\n";
      if (update) {
        Files.createDirectories(BASELINES);
        Files.writeString(baseline, actual, StandardCharsets.UTF_8);
      } else if (!Files.exists(baseline)) {
        changed.add(module.getKey() + ": no baseline " + baseline);
      } else {
        List<String> expected = Files.readAllLines(baseline, StandardCharsets.UTF_8);
        List<String> removed = new ArrayList<>(expected);
        removed.removeAll(module.getValue());
        List<String> added = new ArrayList<>(module.getValue());
        added.removeAll(expected);
        if (!removed.isEmpty() || !added.isEmpty()) {
          changed.add(module.getKey() + ":\n  removed " + String.join("\n  removed ", removed)
              + "\n  added " + String.join("\n  added ", added));
        }
      }
    }
    if (!changed.isEmpty()) {
      fail("the public API differs from api/*.api (rewrite them with -Dapi.update=true if this is"
          + " intended, and commit them):\n" + String.join("\n", changed));
    }
  }

  @Test
  void noPublicSignatureNamesAThirdPartyType() throws IOException {
    for (List<String> lines : ApiSignatures.ofLibraryModules().values()) {
      assertThat(lines).noneMatch(line -> line.contains("org.bouncycastle.")
          || line.contains("org.shredzone.") || line.contains("org.slf4j."));
    }
  }

  @Test
  void noBaselineNamesAnInternalPackage() throws IOException {
    for (List<String> lines : ApiSignatures.ofLibraryModules().values()) {
      assertThat(lines).noneMatch(line -> line.startsWith("org.iotpki.")
          && line.substring(0, line.indexOf(' ')).contains(".internal."));
    }
  }
}
