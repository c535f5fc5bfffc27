// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import org.iotpki.matter.internal.PaaStores;

/**
 * The Product Attestation Authorities a verifier trusts, looked up by subject key identifier (the
 * PAI's authorityKeyIdentifier names its PAA). Implement it to back the lookup with your own store;
 * the factories cover a collection in memory, a directory of PEM/DER files and an export of the
 * Distributed Compliance Ledger.
 */
@FunctionalInterface
public interface PaaTrustStore {

  /** The PAA whose subjectKeyIdentifier is {@code subjectKeyId} (20 bytes), if trusted. */
  Optional<X509Certificate> findBySubjectKeyId(byte[] subjectKeyId);

  /**
   * The given PAAs.
   *
   * @throws IllegalArgumentException if one has no 20-byte subjectKeyIdentifier
   */
  static PaaTrustStore of(Collection<X509Certificate> paas) {
    return PaaStores.inMemory(paas);
  }

  /**
   * Every certificate in the files of {@code directory} (not its subdirectories): PEM, several per
   * file allowed, or DER. A file that is not a certificate is an error, not skipped, so that a
   * broken trust store is noticed.
   *
   * @throws AttestationFormatException if a file does not hold certificates, or one has no 20-byte
   *     subjectKeyIdentifier
   */
  static PaaTrustStore fromDirectory(Path directory) throws IOException, AttestationFormatException {
    return PaaStores.directory(directory);
  }

  /**
   * The approved root certificates of a Distributed Compliance Ledger JSON export: the answer of
   * its REST endpoint {@code /dcl/pki/certificates} (or of {@code /dcl/pki/certificates/{subject}/{subjectKeyId}}),
   * where each {@code approvedCertificates} entry has {@code certs} with a {@code pemCert} and
   * {@code isRoot}. Only root certificates are taken.
   *
   * @throws AttestationFormatException if the JSON does not have that shape or a PEM is unreadable
   */
  static PaaTrustStore fromDclExport(String json) throws AttestationFormatException {
    return PaaStores.dclExport(json);
  }
}
