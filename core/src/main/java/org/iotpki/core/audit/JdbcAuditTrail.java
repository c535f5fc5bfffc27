// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.audit;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit trail in a SQL database (tested with PostgreSQL): one row per record, the same hash
 * chain as {@link FileAuditTrail}, and a one-row head table whose row lock serializes appends from
 * any number of threads and processes (several production lines, one database).
 *
 * <pre>{@code
 * try (JdbcAuditTrail audit = JdbcAuditTrail.open(() -> dataSource.getConnection())) { ... }
 * }</pre>
 *
 * <p>Tables {@code iotpki_audit} and {@code iotpki_audit_head} are created if missing.
 */
public final class JdbcAuditTrail implements AuditTrail {
  private static final String COLUMNS =
      "sequence, recorded_at, device_serial, certificate_serial, issuer_key_id, subject, certificate_sha256, operator, previous_hash, hash";

  /** Where connections come from (a pool's {@code getConnection}, or {@code DriverManager}). */
  @FunctionalInterface
  public interface ConnectionSource {
    /** A new or pooled connection; closed after each operation. */
    Connection connect() throws SQLException;
  }

  private final ConnectionSource connections;
  private final Clock clock;

  private JdbcAuditTrail(ConnectionSource connections, Clock clock) {
    this.connections = connections;
    this.clock = clock;
  }

  /** Opens the trail, creating its tables if needed; times from the system clock. */
  public static JdbcAuditTrail open(ConnectionSource connections) throws IOException {
    return open(connections, Clock.systemUTC());
  }

  /** Opens the trail with a clock for record times. */
  public static JdbcAuditTrail open(ConnectionSource connections, Clock clock) throws IOException {
    Objects.requireNonNull(connections, "connections");
    Objects.requireNonNull(clock, "clock");
    try (Connection connection = connections.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS iotpki_audit ("
          + "sequence BIGINT PRIMARY KEY, recorded_at VARCHAR(40) NOT NULL, device_serial VARCHAR(1024) NOT NULL,"
          + " certificate_serial VARCHAR(64) NOT NULL, issuer_key_id VARCHAR(256) NOT NULL, subject VARCHAR(4096) NOT NULL,"
          + " certificate_sha256 CHAR(64) NOT NULL, operator VARCHAR(1024) NOT NULL, previous_hash CHAR(64) NOT NULL,"
          + " hash CHAR(64) NOT NULL)");
      statement.execute("CREATE INDEX IF NOT EXISTS iotpki_audit_device ON iotpki_audit (device_serial)");
      statement.execute("CREATE INDEX IF NOT EXISTS iotpki_audit_certificate ON iotpki_audit (certificate_serial)");
      statement.execute("CREATE TABLE IF NOT EXISTS iotpki_audit_head ("
          + "id INT PRIMARY KEY, last_sequence BIGINT NOT NULL, last_hash CHAR(64) NOT NULL)");
      statement.execute("INSERT INTO iotpki_audit_head (id, last_sequence, last_hash) SELECT 1, 0, '"
          + AuditLines.FIRST_PREVIOUS_HASH + "' WHERE NOT EXISTS (SELECT 1 FROM iotpki_audit_head WHERE id = 1)");
    } catch (SQLException e) {
      throw new IOException("cannot set up the audit tables: " + e.getMessage(), e);
    }
    return new JdbcAuditTrail(connections, clock);
  }

  @Override
  public AuditRecord record(String deviceSerial, X509Certificate certificate, String operator) throws IOException {
    try (Connection connection = connections.connect()) {
      connection.setAutoCommit(false);
      try {
        long lastSequence;
        String lastHash;
        try (Statement statement = connection.createStatement();
            ResultSet head = statement.executeQuery(
                "SELECT last_sequence, last_hash FROM iotpki_audit_head WHERE id = 1 FOR UPDATE")) {
          head.next();
          lastSequence = head.getLong(1);
          lastHash = head.getString(2);
        }
        AuditRecord record = AuditLines.forCertificate(
            lastSequence + 1, clock.instant(), deviceSerial, certificate, operator, lastHash);
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO iotpki_audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          bind(insert, record);
          insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE iotpki_audit_head SET last_sequence = ?, last_hash = ? WHERE id = 1")) {
          update.setLong(1, record.sequence());
          update.setString(2, record.hash());
          update.executeUpdate();
        }
        connection.commit();
        return record;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IOException("cannot record in the audit trail: " + e.getMessage(), e);
    }
  }

  @Override
  public AuditVerification verify() throws IOException {
    long expected = 1;
    String previousHash = AuditLines.FIRST_PREVIOUS_HASH;
    try (Connection connection = connections.connect(); Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM iotpki_audit ORDER BY sequence")) {
        while (rows.next()) {
          AuditRecord record = read(rows);
          if (!AuditLines.hashMatches(record)) {
            return new AuditVerification.Broken(AuditVerification.Reason.ALTERED, expected, expected,
                "record " + record.sequence() + " does not match its hash");
          }
          if (record.sequence() != expected || !AuditLines.sameHash(record.previousHash(), previousHash)) {
            return new AuditVerification.Broken(AuditVerification.Reason.MISSING, expected, expected,
                "record " + expected + " is missing or not chained to the record before it");
          }
          previousHash = record.hash();
          expected++;
        }
      }
      try (ResultSet head = statement.executeQuery("SELECT last_sequence, last_hash FROM iotpki_audit_head WHERE id = 1")) {
        head.next();
        if (head.getLong(1) != expected - 1 || !head.getString(2).equals(previousHash)) {
          return new AuditVerification.Broken(AuditVerification.Reason.MISSING, expected, expected,
              "the head names record " + head.getLong(1) + " but the trail ends at " + (expected - 1));
        }
      }
    } catch (SQLException | RuntimeException e) {
      throw new IOException("cannot read the audit trail: " + e.getMessage(), e);
    }
    return new AuditVerification.Intact(expected - 1, previousHash);
  }

  @Override
  public List<AuditRecord> findByDeviceSerial(String deviceSerial) throws IOException {
    return find("device_serial", Objects.requireNonNull(deviceSerial, "deviceSerial"));
  }

  @Override
  public List<AuditRecord> findByCertificateSerial(String certificateSerialHex) throws IOException {
    return find("certificate_serial", AuditLines.certificateSerial(certificateSerialHex));
  }

  private List<AuditRecord> find(String column, String value) throws IOException {
    try (Connection connection = connections.connect();
        PreparedStatement query = connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM iotpki_audit WHERE " + column + " = ? ORDER BY sequence")) {
      query.setString(1, value);
      List<AuditRecord> found = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(read(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IOException("cannot query the audit trail: " + e.getMessage(), e);
    }
  }

  /** Nothing to release: every operation closes its own connection. */
  @Override
  public void close() {}

  private static void bind(PreparedStatement statement, AuditRecord record) throws SQLException {
    statement.setLong(1, record.sequence());
    statement.setString(2, record.time().toString());
    statement.setString(3, record.deviceSerial());
    statement.setString(4, record.certificateSerial());
    statement.setString(5, record.issuerKeyId());
    statement.setString(6, record.subject());
    statement.setString(7, record.certificateSha256());
    statement.setString(8, record.operator());
    statement.setString(9, record.previousHash());
    statement.setString(10, record.hash());
  }

  private static AuditRecord read(ResultSet row) throws SQLException {
    return new AuditRecord(row.getLong(1), Instant.parse(row.getString(2)), row.getString(3), row.getString(4),
        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10));
  }
}
