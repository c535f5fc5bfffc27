// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.testing.Issuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditTrailTest {
  private static final List<X509Certificate> CERTIFICATES = new ArrayList<>();

  @TempDir Path dir;

  @BeforeAll
  static void certificates() throws Exception {
    Issuer pai = Issuer.root("CN=Audit Test PAI", KeyAlgorithm.EC_P256);
    for (int i = 0; i < 4; i++) {
      CERTIFICATES.add(pai.leaf("CN=device\t" + i + "\nline").certificate());
    }
  }

  private Path trailWith(int records) throws IOException {
    Path file = dir.resolve("audit.log");
    try (FileAuditTrail audit = FileAuditTrail.open(file)) {
      for (int i = 0; i < records; i++) {
        audit.record("SN-" + i, CERTIFICATES.get(i % CERTIFICATES.size()), "line-1");
      }
    }
    return file;
  }

  private static AuditVerification verify(Path file) throws IOException {
    try (FileAuditTrail audit = FileAuditTrail.open(file)) {
      return audit.verify();
    }
  }

  private static void assertBroken(AuditVerification result, AuditVerification.Reason reason, long line) {
    assertThat(result).isInstanceOfSatisfying(AuditVerification.Broken.class, broken -> {
      assertThat(broken.reason()).as(broken.message()).isEqualTo(reason);
      assertThat(broken.line()).as(broken.message()).isEqualTo(line);
    });
  }

  @Test
  void recordsVerifyAndAreFoundByEitherSerial() throws Exception {
    Path file = dir.resolve("audit.log");
    try (FileAuditTrail audit = FileAuditTrail.open(file)) {
      AuditRecord first = audit.record("SN-0001", CERTIFICATES.get(0), "line-3");
      AuditRecord second = audit.record("SN-0002", CERTIFICATES.get(1), "line-3");

      assertThat(first.sequence()).isEqualTo(1);
      assertThat(first.previousHash()).isEqualTo("0".repeat(64));
      assertThat(second.previousHash()).isEqualTo(first.hash());
      assertThat(audit.verify()).isEqualTo(new AuditVerification.Intact(2, second.hash()));
      String serial = CERTIFICATES.get(1).getSerialNumber().toString(16);
      assertThat(audit.findByDeviceSerial("SN-0002")).containsExactly(second);
      assertThat(audit.findByCertificateSerial("00" + serial.toUpperCase(java.util.Locale.ROOT))).containsExactly(second);
      assertThat(second.subject()).isEqualTo(CERTIFICATES.get(1).getSubjectX500Principal().getName());
      assertThat(second.issuerKeyId()).hasSize(40);
    }
  }

  @Test
  void reopeningContinuesTheChain() throws Exception {
    Path file = trailWith(3);

    try (FileAuditTrail audit = FileAuditTrail.open(file)) {
      AuditRecord fourth = audit.record("SN-3", CERTIFICATES.get(3), "line-2");
      assertThat(fourth.sequence()).isEqualTo(4);
      assertThat(audit.verify().isIntact()).isTrue();
    }
  }

  @Test
  void findsAnEditedRecord() throws Exception {
    Path file = trailWith(4);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    lines.set(1, lines.get(1).replace("SN-1", "SN-9"));
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertBroken(verify(file), AuditVerification.Reason.ALTERED, 2);
  }

  @Test
  void findsADeletedRecord() throws Exception {
    Path file = trailWith(4);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.remove(1);
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertBroken(verify(file), AuditVerification.Reason.MISSING, 2);
  }

  @Test
  void findsReorderedRecords() throws Exception {
    Path file = trailWith(4);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.add(1, lines.remove(2));
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertBroken(verify(file), AuditVerification.Reason.OUT_OF_ORDER, 2);
  }

  @Test
  void findsARecordReplacedByAConsistentForgery() throws Exception {
    // Someone deletes record 2 and renumbers record 3 as 2, recomputing its own hash: the chain
    // of previous hashes still gives it away.
    Path file = trailWith(3);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    AuditRecord third = AuditLines.parse(lines.get(2)).orElseThrow().record();
    AuditRecord forged = AuditLines.create(2, third.time(), third.deviceSerial(), third.certificateSerial(),
        third.issuerKeyId(), third.subject(), third.certificateSha256(), third.operator(), third.previousHash());
    lines.remove(2);
    lines.set(1, AuditLines.line(forged).strip());
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertBroken(verify(file), AuditVerification.Reason.MISSING, 2);
  }

  @Test
  void aCrashAtAnyByteOfTheLastRecordKeepsEveryCompleteRecordAndReportsTheTornOne() throws Exception {
    byte[] complete = Files.readAllBytes(trailWith(3));
    int lastLineStart = lastLineStart(complete);

    for (int cut = lastLineStart; cut < complete.length; cut++) {
      Path crashed = dir.resolve("crashed-" + cut + ".log");
      Files.write(crashed, Arrays.copyOf(complete, cut));

      try (FileAuditTrail audit = FileAuditTrail.open(crashed)) {
        if (cut == lastLineStart) {
          assertThat(audit.recoveredTornRecord()).isEmpty();
        } else {
          FileAuditTrail.TornRecord torn = audit.recoveredTornRecord().orElseThrow();
          assertThat(torn.offset()).isEqualTo(lastLineStart);
          assertThat(torn.length()).isEqualTo(cut - lastLineStart);
          assertThat(Files.readAllBytes(torn.keptIn())).isEqualTo(Arrays.copyOfRange(complete, lastLineStart, cut));
        }
        assertThat(audit.verify()).as("cut at %d", cut).isInstanceOfSatisfying(
            AuditVerification.Intact.class, intact -> assertThat(intact.records()).isEqualTo(2));
        assertThat(audit.record("SN-again", CERTIFICATES.get(0), "line-1").sequence()).isEqualTo(3);
        assertThat(audit.verify().isIntact()).isTrue();
      }
    }
  }

  @Test
  void verifyReportsATornTailItFindsWithoutOpeningForWrites() throws Exception {
    Path file = trailWith(2);
    try (FileAuditTrail audit = FileAuditTrail.open(file)) {
      Files.write(file, "v1\t3\t2026".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);

      assertBroken(audit.verify(), AuditVerification.Reason.TORN, 3);
    }
  }

  @Test
  void refusesToChainToAnAlteredLastRecord() throws Exception {
    Path file = trailWith(2);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    lines.set(1, lines.get(1).replace("line-1", "line-X"));
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FileAuditTrail.open(file)).isInstanceOf(IOException.class).hasMessageContaining("altered");
  }

  @Test
  void eightThreadsAppendingLoseNothing() throws Exception {
    Path file = dir.resolve("concurrent.log");
    int threads = 8;
    int perThread = 100;
    try (FileAuditTrail audit = FileAuditTrail.open(file)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            audit.record("T" + thread + "-" + i, CERTIFICATES.get(i % CERTIFICATES.size()), "line-" + thread);
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      pool.shutdown();

      assertThat(audit.verify()).isInstanceOfSatisfying(
          AuditVerification.Intact.class, intact -> assertThat(intact.records()).isEqualTo(threads * perThread));
      Set<String> devices = new HashSet<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        devices.add(AuditLines.parse(line).orElseThrow().record().deviceSerial());
      }
      assertThat(devices).hasSize(threads * perThread);
    }
  }

  private static int lastLineStart(byte[] file) {
    int end = file.length - 1;
    int start = end;
    while (start > 0 && file[start - 1] != '\n') {
      start--;
    }
    return start;
  }
}
