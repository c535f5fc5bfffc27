// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.iotpki.core.audit.AuditRecord;
import org.iotpki.core.audit.AuditTrail;
import org.iotpki.core.audit.AuditVerification;
import org.iotpki.core.audit.FileAuditTrail;
import org.iotpki.core.audit.JdbcAuditTrail;

/**
 * Where an audit trail lives: a file, or a database given as a JDBC URL such as {@code
 * jdbc:postgresql://db.factory/pki?user=iotpki&password=...}.
 */
final class AuditLocation {
  private final String location;

  AuditLocation(String location) {
    this.location = location;
  }

  boolean isJdbc() {
    return location.startsWith("jdbc:");
  }

  /** Opens the trail for appending (a database's tables are created if needed). */
  AuditTrail open() throws IOException {
    return isJdbc() ? JdbcAuditTrail.open(() -> DriverManager.getConnection(location)) : FileAuditTrail.open(Path.of(location));
  }

  /** Verifies the trail; a file is only read, never repaired. */
  AuditVerification verify() throws IOException {
    return read(FileAuditTrail::verify, AuditTrail::verify);
  }

  List<AuditRecord> findByDeviceSerial(String deviceSerial) throws IOException {
    return read(file -> FileAuditTrail.findByDeviceSerial(file, deviceSerial), trail -> trail.findByDeviceSerial(deviceSerial));
  }

  List<AuditRecord> findByCertificateSerial(String hex) throws IOException {
    return read(file -> FileAuditTrail.findByCertificateSerial(file, hex), trail -> trail.findByCertificateSerial(hex));
  }

  /** A read: on a file without opening it for appending, on a database through an opened trail. */
  private <T> T read(Query<Path, T> onFile, Query<AuditTrail, T> onDatabase) throws IOException {
    if (!isJdbc()) {
      return onFile.apply(Path.of(location));
    }
    try (AuditTrail trail = open()) {
      return onDatabase.apply(trail);
    }
  }

  @FunctionalInterface
  private interface Query<S, T> {
    T apply(S source) throws IOException;
  }

  /** The location without its password, for output and messages. */
  @Override
  public String toString() {
    return location.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
  }
}
