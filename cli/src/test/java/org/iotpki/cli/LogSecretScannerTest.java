// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner behind {@link TestLogSecretsIT} finds what it must, and only that. */
class LogSecretScannerTest {
  @TempDir Path dir;

  @Test
  void reportsEachPlantedSecretWithItsFileAndLine() throws Exception {
    Path log = Files.writeString(dir.resolve("test.log"), String.join("\n",
        "[main] INFO org.iotpki.cmp.CmpClient - ir to http://127.0.0.1:1/pkix/",
        "[main] DEBUG org.iotpki.cmp.CmpClient - protecting with secret cmp-shared-secret",
        "[main] DEBUG org.iotpki.core.keys.TokenSlots - login with PIN: 1234",
        "-----BEGIN EC PRIVATE KEY-----",
        "[main] INFO port 1234 and a pin-compatible board, a public key: -----BEGIN PUBLIC KEY-----",
        ""));

    assertThat(LogSecretScanner.scan(log)).extracting(LogSecretScanner.Finding::file, LogSecretScanner.Finding::line)
        .containsExactly(
            tuple(log, 2L),
            tuple(log, 3L),
            tuple(log, 4L));
    assertThat(LogSecretScanner.scan(log).get(0).toString())
        .isEqualTo(log + ":2: OpenSSL CMP mock server shared secret 'c...'")
        .doesNotContain("cmp-shared-secret");
  }

  @Test
  void aCleanLogHasNoFindings() throws Exception {
    Path log = Files.writeString(dir.resolve("clean.log"),
        "[main] DEBUG org.iotpki.est.EstClient - simpleenroll answered 200 (1234 bytes)\n");

    assertThat(LogSecretScanner.scan(log)).isEmpty();
  }
}
