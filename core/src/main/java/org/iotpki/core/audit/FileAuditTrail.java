// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The embedded audit trail: an append-only text file, one hash-chained record per line.
 *
 * <p>Crash-safe: each record is written with one write and forced to the device before {@link
 * #record} returns. A record cut off by a crash (a last line without its newline) is found when the
 * file is opened: the complete records stay, the torn bytes are moved to a {@code .torn-OFFSET}
 * file beside the trail (never silently dropped) and reported by {@link #recoveredTornRecord()}.
 *
 * <pre>{@code
 * try (FileAuditTrail audit = FileAuditTrail.open(Path.of("factory-line-3.audit"))) {
 *   audit.record("SN-000042", dac, "line-3");
 * }
 * }</pre>
 */
public final class FileAuditTrail implements AuditTrail {
  /** Longer lines are not records (and are not read into memory whole). */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private final Path file;
  private final Clock clock;
  private final FileChannel channel;
  private final TornRecord tornRecord;
  private long lastSequence;
  private String lastHash;

  /**
   * A record cut off by a crash, found and set aside when the trail was opened.
   *
   * @param offset where the torn bytes started in the trail
   * @param length how many bytes were torn
   * @param keptIn the file the torn bytes were moved to
   */
  public record TornRecord(long offset, long length, Path keptIn) {}

  private FileAuditTrail(Path file, Clock clock, FileChannel channel, TornRecord tornRecord, long lastSequence, String lastHash) {
    this.file = file;
    this.clock = clock;
    this.channel = channel;
    this.tornRecord = tornRecord;
    this.lastSequence = lastSequence;
    this.lastHash = lastHash;
  }

  /** Opens (or creates) a trail, recovering from a torn last record; times from the system clock. */
  public static FileAuditTrail open(Path file) throws IOException {
    return open(file, Clock.systemUTC());
  }

  /**
   * Opens (or creates) a trail with a clock for record times.
   *
   * @throws IOException also if the last complete record is malformed or altered, so that no new
   *     record could be chained to it: {@link #verify()} on a read-only copy says where
   */
  public static FileAuditTrail open(Path file, Clock clock) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    boolean created = !Files.exists(file);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      if (created) {
        forceDirectory(file);
      }
      TornRecord torn = recoverTornTail(file, channel);
      String lastLine = lastLine(channel);
      long lastSequence = 0;
      String lastHash = AuditLines.FIRST_PREVIOUS_HASH;
      if (lastLine != null) {
        AuditLines.Parsed last = AuditLines.parse(lastLine)
            .filter(AuditLines.Parsed::hashMatches)
            .orElseThrow(() -> new IOException(file + ": the last record is malformed or altered; no record can be chained to it"));
        lastSequence = last.record().sequence();
        lastHash = last.record().hash();
      }
      channel.position(channel.size());
      return new FileAuditTrail(file, clock, channel, torn, lastSequence, lastHash);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The torn record found when the trail was opened, if there was one. */
  public Optional<TornRecord> recoveredTornRecord() {
    return Optional.ofNullable(tornRecord);
  }

  @Override
  public synchronized AuditRecord record(String deviceSerial, X509Certificate certificate, String operator) throws IOException {
    AuditRecord record = AuditLines.forCertificate(
        lastSequence + 1, clock.instant(), deviceSerial, certificate, operator, lastHash);
    ByteBuffer line = ByteBuffer.wrap(AuditLines.line(record).getBytes(StandardCharsets.UTF_8));
    while (line.hasRemaining()) {
      channel.write(line);
    }
    channel.force(false);
    lastSequence = record.sequence();
    lastHash = record.hash();
    return record;
  }

  @Override
  public synchronized AuditVerification verify() throws IOException {
    return verify(file);
  }

  /**
   * Verifies a trail file without opening it for writing (nothing is recovered or changed): for
   * auditors and for checking a copy.
   */
  public static AuditVerification verify(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    long expected = 1;
    String previousHash = AuditLines.FIRST_PREVIOUS_HASH;
    long lineNumber = 0;
    try (LineReader lines = new LineReader(Files.newInputStream(file))) {
      for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
        lineNumber++;
        if (!line.terminated()) {
          return new AuditVerification.Broken(AuditVerification.Reason.TORN, lineNumber, expected, "the last record was cut off");
        }
        Optional<AuditLines.Parsed> parsed = line.text().flatMap(AuditLines::parse);
        if (parsed.isEmpty()) {
          return new AuditVerification.Broken(AuditVerification.Reason.MALFORMED, lineNumber, expected, "line " + lineNumber + " is not a record");
        }
        AuditRecord record = parsed.get().record();
        if (!parsed.get().hashMatches()) {
          return new AuditVerification.Broken(AuditVerification.Reason.ALTERED, lineNumber, expected,
              "record " + record.sequence() + " does not match its hash");
        }
        if (record.sequence() > expected) {
          return appearsAfter(file, lineNumber, expected)
              ? new AuditVerification.Broken(AuditVerification.Reason.OUT_OF_ORDER, lineNumber, expected,
                  "record " + record.sequence() + " stands before record " + expected)
              : new AuditVerification.Broken(AuditVerification.Reason.MISSING, lineNumber, expected,
                  "records " + expected + " to " + (record.sequence() - 1) + " are missing");
        }
        if (record.sequence() < expected) {
          return new AuditVerification.Broken(AuditVerification.Reason.OUT_OF_ORDER, lineNumber, expected,
              "record " + record.sequence() + " where record " + expected + " belongs");
        }
        if (!AuditLines.sameHash(record.previousHash(), previousHash)) {
          return new AuditVerification.Broken(AuditVerification.Reason.MISSING, lineNumber, expected,
              "record " + record.sequence() + " is not chained to the record before it");
        }
        previousHash = record.hash();
        expected++;
      }
    }
    return new AuditVerification.Intact(expected - 1, previousHash);
  }

  /** Whether a record with {@code sequence} stands after line {@code lineNumber}: then it was moved, not deleted. */
  private static boolean appearsAfter(Path file, long lineNumber, long sequence) throws IOException {
    long current = 0;
    try (LineReader lines = new LineReader(Files.newInputStream(file))) {
      for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
        if (++current > lineNumber
            && line.text().flatMap(AuditLines::parse).filter(p -> p.record().sequence() == sequence).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public synchronized List<AuditRecord> findByDeviceSerial(String deviceSerial) throws IOException {
    return find(file, byDeviceSerial(deviceSerial));
  }

  @Override
  public synchronized List<AuditRecord> findByCertificateSerial(String certificateSerialHex) throws IOException {
    return find(file, byCertificateSerial(certificateSerialHex));
  }

  /** The records of a device in a trail file, read without opening it for writing. */
  public static List<AuditRecord> findByDeviceSerial(Path file, String deviceSerial) throws IOException {
    return find(file, byDeviceSerial(deviceSerial));
  }

  /** The records of a certificate serial (hex) in a trail file, read without opening it for writing. */
  public static List<AuditRecord> findByCertificateSerial(Path file, String certificateSerialHex) throws IOException {
    return find(file, byCertificateSerial(certificateSerialHex));
  }

  private static Predicate<AuditRecord> byDeviceSerial(String deviceSerial) {
    Objects.requireNonNull(deviceSerial, "deviceSerial");
    return record -> record.deviceSerial().equals(deviceSerial);
  }

  /** @throws IllegalArgumentException if the serial is not hex */
  private static Predicate<AuditRecord> byCertificateSerial(String certificateSerialHex) {
    String wanted = AuditLines.certificateSerial(certificateSerialHex);
    return record -> record.certificateSerial().equals(wanted);
  }

  private static List<AuditRecord> find(Path file, Predicate<AuditRecord> matches) throws IOException {
    List<AuditRecord> found = new ArrayList<>();
    try (LineReader lines = new LineReader(Files.newInputStream(file))) {
      for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
        line.text().flatMap(AuditLines::parse).map(AuditLines.Parsed::record).filter(matches).ifPresent(found::add);
      }
    }
    return found;
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  /** Moves bytes after the last newline (a record cut off by a crash) aside and truncates them. */
  private static TornRecord recoverTornTail(Path file, FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0 || byteAt(channel, size - 1) == '\n') {
      return null;
    }
    long start = size - 1;
    while (start > 0 && byteAt(channel, start - 1) != '\n') {
      start--;
    }
    ByteBuffer torn = ByteBuffer.allocate((int) Math.min(size - start, MAX_LINE_BYTES));
    channel.read(torn, start);
    Path keptIn = file.resolveSibling(file.getFileName() + ".torn-" + start);
    Files.write(keptIn, java.util.Arrays.copyOf(torn.array(), torn.position()));
    try (FileChannel kept = FileChannel.open(keptIn, StandardOpenOption.WRITE)) {
      kept.force(true);
    }
    channel.truncate(start);
    channel.force(true);
    return new TornRecord(start, size - start, keptIn);
  }

  /** The last (complete) line, without its newline, or null for an empty file. */
  private static String lastLine(FileChannel channel) throws IOException {
    long end = channel.size() - 1; // the final newline
    if (end < 0) {
      return null;
    }
    long start = end;
    while (start > 0 && byteAt(channel, start - 1) != '\n') {
      start--;
      if (end - start > MAX_LINE_BYTES) {
        throw new IOException("the last line of the audit trail is longer than " + MAX_LINE_BYTES + " bytes");
      }
    }
    ByteBuffer line = ByteBuffer.allocate((int) (end - start));
    channel.read(line, start);
    return new String(line.array(), StandardCharsets.UTF_8);
  }

  private static int byteAt(FileChannel channel, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, position);
    return one.get(0);
  }

  private static void forceDirectory(Path file) {
    Path directory = file.toAbsolutePath().getParent();
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException unsupported) {
      // Some platforms cannot open directories; the file's own force still applies.
    }
  }

  /** Lines of a file with whether each ended with a newline; overlong lines are not read whole. */
  private static final class LineReader implements AutoCloseable {
    private final InputStream in;

    LineReader(InputStream in) {
      this.in = new BufferedInputStream(in, 64 * 1024);
    }

    /** A line: its text (empty if it was too long to be a record) and whether it was terminated. */
    record Line(Optional<String> text, boolean terminated) {}

    Line next() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream(512);
      boolean overlong = false;
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        if (line.size() < MAX_LINE_BYTES) {
          line.write(b);
        } else {
          overlong = true;
        }
      }
      if (b == -1 && line.size() == 0 && !overlong) {
        return null;
      }
      Optional<String> text = overlong ? Optional.empty() : Optional.of(line.toString(StandardCharsets.UTF_8));
      return new Line(text, b == '\n');
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
