// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.audit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.core.internal.KeyIdentifiers;

/**
 * The text form of audit records: one line each, tab-separated escaped fields, the record's hash
 * last. The hash covers everything before it on the line, the previous record's hash included.
 */
final class AuditLines {
  static final String VERSION = "v1";
  static final String FIRST_PREVIOUS_HASH = "0".repeat(64);
  private static final int FIELDS = 11;

  private AuditLines() {}

  /** The line (with its newline) of a record built from these fields, and the record. */
  static AuditRecord create(
      long sequence, Instant time, String deviceSerial, String certificateSerial, String issuerKeyId,
      String subject, String certificateSha256, String operator, String previousHash) {
    String body = body(sequence, time, deviceSerial, certificateSerial, issuerKeyId, subject,
        certificateSha256, operator, previousHash);
    return new AuditRecord(sequence, time, deviceSerial, certificateSerial, issuerKeyId, subject,
        certificateSha256, operator, previousHash, sha256(body));
  }

  /**
   * The record of {@code certificate} issued to a device: the fields both trails store, derived
   * from the certificate in one place.
   */
  static AuditRecord forCertificate(
      long sequence, Instant time, String deviceSerial, X509Certificate certificate, String operator, String previousHash) {
    Objects.requireNonNull(deviceSerial, "deviceSerial");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(operator, "operator");
    byte[] der;
    try {
      der = certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate has no DER encoding", e);
    }
    return create(
        sequence,
        time.truncatedTo(ChronoUnit.MILLIS),
        deviceSerial,
        certificate.getSerialNumber().toString(16),
        KeyIdentifiers.authorityKeyIdentifier(certificate).map(HexFormat.of()::formatHex).orElse(""),
        certificate.getSubjectX500Principal().getName(),
        sha256(der),
        operator,
        previousHash);
  }

  /** Whether a record's hash matches its fields. */
  static boolean hashMatches(AuditRecord record) {
    String expected = create(record.sequence(), record.time(), record.deviceSerial(), record.certificateSerial(),
            record.issuerKeyId(), record.subject(), record.certificateSha256(), record.operator(), record.previousHash())
        .hash();
    return sameHash(expected, record.hash());
  }

  /**
   * A certificate serial as records store it: lower-case hex without leading zeros.
   *
   * @throws IllegalArgumentException if it is not hex
   */
  static String certificateSerial(String hex) {
    try {
      return new BigInteger(hex.toLowerCase(Locale.ROOT), 16).toString(16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a hex serial number: " + hex, e);
    }
  }

  static String line(AuditRecord record) {
    return body(record.sequence(), record.time(), record.deviceSerial(), record.certificateSerial(),
        record.issuerKeyId(), record.subject(), record.certificateSha256(), record.operator(),
        record.previousHash()) + "\t" + record.hash() + "\n";
  }

  /** A parsed line, and whether its hash matches its content; empty if it is not a record. */
  static Optional<Parsed> parse(String line) {
    String[] fields = line.split("\t", -1);
    if (fields.length != FIELDS || !VERSION.equals(fields[0])) {
      return Optional.empty();
    }
    try {
      AuditRecord record = new AuditRecord(
          Long.parseLong(fields[1]), Instant.parse(fields[2]), unescape(fields[3]), unescape(fields[4]),
          unescape(fields[5]), unescape(fields[6]), unescape(fields[7]), unescape(fields[8]), fields[9], fields[10]);
      String body = line.substring(0, line.lastIndexOf('\t'));
      return Optional.of(new Parsed(record, sameHash(sha256(body), record.hash())));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      // Not a number, not an instant, a bad escape, or a null field: not a record.
      return Optional.empty();
    }
  }

  record Parsed(AuditRecord record, boolean hashMatches) {}

  private static String body(
      long sequence, Instant time, String deviceSerial, String certificateSerial, String issuerKeyId,
      String subject, String certificateSha256, String operator, String previousHash) {
    List<String> fields = new ArrayList<>();
    fields.add(VERSION);
    fields.add(Long.toString(sequence));
    fields.add(time.toString());
    for (String text : new String[] {deviceSerial, certificateSerial, issuerKeyId, subject, certificateSha256, operator}) {
      fields.add(escape(text));
    }
    fields.add(previousHash);
    return String.join("\t", fields);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i == text.length()) {
        throw new IllegalArgumentException("dangling escape");
      }
      switch (text.charAt(i)) {
        case '\\':
          out.append('\\');
          break;
        case 't':
          out.append('\t');
          break;
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        default:
          throw new IllegalArgumentException("unknown escape");
      }
    }
    return out.toString();
  }

  /** Whether two hex hashes are equal, compared in constant time as every hash and MAC here. */
  static boolean sameHash(String first, String second) {
    return MessageDigest.isEqual(
        first.getBytes(StandardCharsets.US_ASCII), second.getBytes(StandardCharsets.US_ASCII));
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
