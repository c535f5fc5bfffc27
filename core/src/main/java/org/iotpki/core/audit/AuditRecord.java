// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One issued certificate in the audit trail: which device got which certificate, from which
 * issuer, when and on which line, chained to the record before it by hash.
 *
 * @param sequence the record's position, from 1, without gaps
 * @param time when the certificate was recorded
 * @param deviceSerial the device's serial number (as the manufacturer writes it)
 * @param certificateSerial the certificate's serial number, lower-case hex
 * @param issuerKeyId the issuer's key identifier (the certificate's authorityKeyIdentifier), hex;
 *     empty if the certificate has none
 * @param subject the certificate's subject (RFC 2253)
 * @param certificateSha256 SHA-256 of the certificate's DER, hex
 * @param operator the operator or production line that issued it
 * @param previousHash the hash of the record before (64 zeros for the first)
 * @param hash SHA-256 over this record's fields and {@code previousHash}, hex
 */
public record AuditRecord(
    long sequence,
    Instant time,
    String deviceSerial,
    String certificateSerial,
    String issuerKeyId,
    String subject,
    String certificateSha256,
    String operator,
    String previousHash,
    String hash) {

  public AuditRecord {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(deviceSerial, "deviceSerial");
    Objects.requireNonNull(certificateSerial, "certificateSerial");
    Objects.requireNonNull(issuerKeyId, "issuerKeyId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(certificateSha256, "certificateSha256");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }
}
