// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.audit;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An append-only, tamper-evident record of issued certificates: device serial to certificate
 * serial for the product's lifetime (as the EU Cyber Resilience Act expects of manufacturers).
 *
 * <p>Every record carries the hash of the one before it, so {@link #verify()} finds an edited,
 * deleted or reordered record. Implementations are safe for concurrent appends.
 */
public interface AuditTrail extends AutoCloseable {

  /**
   * Appends a record of {@code certificate} issued to the device {@code deviceSerial}; durable
   * when this returns.
   */
  AuditRecord record(String deviceSerial, X509Certificate certificate, String operator) throws IOException;

  /** Checks the whole trail and says where it first breaks, if it does. */
  AuditVerification verify() throws IOException;

  /** Every record of a device, oldest first. */
  List<AuditRecord> findByDeviceSerial(String deviceSerial) throws IOException;

  /** Every record of a certificate serial (hex, any case, leading zeros ignored). */
  List<AuditRecord> findByCertificateSerial(String certificateSerialHex) throws IOException;

  @Override
  void close() throws IOException;
}
