// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC audit trail against a real PostgreSQL started by the test. */
class JdbcAuditTrailTest {
  private static PostgresServer postgres;
  private static final List<X509Certificate> CERTIFICATES = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    postgres = PostgresServer.start();
    Issuer pai = Issuer.root("CN=JDBC Audit PAI", KeyAlgorithm.EC_P256);
    for (int i = 0; i < 3; i++) {
      CERTIFICATES.add(pai.leaf("CN=device-" + i).certificate());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void emptyTables() throws Exception {
    try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS iotpki_audit");
      statement.execute("DROP TABLE IF EXISTS iotpki_audit_head");
    }
  }

  private void sql(String statement) throws Exception {
    try (Connection connection = postgres.connect(); Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void recordsVerifyAndAreFoundLikeTheFileTrail() throws Exception {
    try (JdbcAuditTrail audit = JdbcAuditTrail.open(postgres::connect)) {
      AuditRecord first = audit.record("SN-1", CERTIFICATES.get(0), "line-1");
      AuditRecord second = audit.record("SN-2", CERTIFICATES.get(1), "line-1");

      assertThat(second.previousHash()).isEqualTo(first.hash());
      assertThat(audit.verify()).isEqualTo(new AuditVerification.Intact(2, second.hash()));
      assertThat(audit.findByDeviceSerial("SN-2")).containsExactly(second);
      assertThat(audit.findByCertificateSerial(CERTIFICATES.get(0).getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT)))
          .containsExactly(first);
    }
    try (JdbcAuditTrail reopened = JdbcAuditTrail.open(postgres::connect)) {
      assertThat(reopened.record("SN-3", CERTIFICATES.get(2), "line-2").sequence()).isEqualTo(3);
      assertThat(reopened.verify().isIntact()).isTrue();
    }
  }

  @Test
  void findsEditedAndDeletedRows() throws Exception {
    try (JdbcAuditTrail audit = JdbcAuditTrail.open(postgres::connect)) {
      for (int i = 0; i < 5; i++) {
        audit.record("SN-" + i, CERTIFICATES.get(i % 3), "line-1");
      }
      sql("UPDATE iotpki_audit SET device_serial = 'SN-X' WHERE sequence = 3");
      assertThat(audit.verify()).isInstanceOfSatisfying(AuditVerification.Broken.class,
          broken -> assertThat(broken.reason()).isEqualTo(AuditVerification.Reason.ALTERED));
      sql("UPDATE iotpki_audit SET device_serial = 'SN-2' WHERE sequence = 3");
      assertThat(audit.verify().isIntact()).isTrue();

      sql("DELETE FROM iotpki_audit WHERE sequence = 2");
      assertThat(audit.verify()).isInstanceOfSatisfying(AuditVerification.Broken.class, broken -> {
        assertThat(broken.reason()).isEqualTo(AuditVerification.Reason.MISSING);
        assertThat(broken.expectedSequence()).isEqualTo(2);
      });
    }
  }

  @Test
  void deletingTheLastRowIsFoundThroughTheHead() throws Exception {
    try (JdbcAuditTrail audit = JdbcAuditTrail.open(postgres::connect)) {
      for (int i = 0; i < 3; i++) {
        audit.record("SN-" + i, CERTIFICATES.get(i), "line-1");
      }
      sql("DELETE FROM iotpki_audit WHERE sequence = 3");

      assertThat(audit.verify()).isInstanceOfSatisfying(AuditVerification.Broken.class,
          broken -> assertThat(broken.reason()).isEqualTo(AuditVerification.Reason.MISSING));
    }
  }

  @Test
  void eightThreadsAppendingLoseNothing() throws Exception {
    try (JdbcAuditTrail audit = JdbcAuditTrail.open(postgres::connect)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            audit.record("T" + thread + "-" + i, CERTIFICATES.get(i % 3), "line-" + thread);
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      pool.shutdown();

      assertThat(audit.verify()).isInstanceOfSatisfying(AuditVerification.Intact.class,
          intact -> assertThat(intact.records()).isEqualTo(200));
    }
  }
}
