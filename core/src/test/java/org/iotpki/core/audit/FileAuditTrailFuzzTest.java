// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.audit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes reading an audit trail file that was tampered with or damaged: {@link
 * FileAuditTrail#verify(Path)} answers with an {@link AuditVerification} for any content, the
 * look-ups answer with a list, and opening the trail for writing refuses a broken tail only with
 * {@link IOException}. Jazzer reports anything else (and an OutOfMemoryError) as a finding.
 *
 * <p>The seed is a trail of three records written by {@link FileAuditTrail}. It replays in every
 * test run; {@code ./mvnw -Pfuzz verify} fuzzes from it.
 */
class FileAuditTrailFuzzTest {
  private static final Path FILE = file();

  private static Path file() {
    try {
      return Files.createTempDirectory("audit-fuzz").resolve("audit.log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void verify(byte[] input) throws IOException {
    Files.write(FILE, input);
    if (FileAuditTrail.verify(FILE) == null) {
      throw new IllegalStateException("no verification result");
    }
    FileAuditTrail.findByDeviceSerial(FILE, "device-1");
    FileAuditTrail.findByCertificateSerial(FILE, "1f");
    try (FileAuditTrail trail = FileAuditTrail.open(FILE)) {
      trail.verify();
      if (trail.recoveredTornRecord().isPresent()) {
        Files.delete(trail.recoveredTornRecord().get().keptIn());
      }
    } catch (IOException refused) {
      // A trail whose last record is broken cannot be chained to: refused with the typed exception.
    }
  }
}
