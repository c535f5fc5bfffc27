// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.c509;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What C509 saves on a certificate or a chain: DER bytes against C509 (type 3) bytes.
 *
 * @param entries one per certificate, in order
 */
public record C509SizeReport(List<Entry> entries) {

  /**
   * One certificate's sizes.
   *
   * @param subject the subject (RFC 2253)
   * @param derBytes the size of the DER encoding
   * @param c509Bytes the size of the C509 encoding, if it has one
   * @param notEncodable why it has no C509 encoding, if it has none
   */
  public record Entry(String subject, int derBytes, OptionalInt c509Bytes, Optional<String> notEncodable) {}

  public C509SizeReport {
    entries = List.copyOf(entries);
  }

  /** Encodes every certificate of {@code chain} to measure it. */
  public static C509SizeReport of(List<X509Certificate> chain) {
    List<Entry> entries = new ArrayList<>();
    for (X509Certificate certificate : chain) {
      String subject = certificate.getSubjectX500Principal().getName();
      int der = derLength(certificate);
      try {
        entries.add(new Entry(subject, der, OptionalInt.of(C509Certificate.encode(certificate).size()), Optional.empty()));
      } catch (C509ConversionException e) {
        entries.add(new Entry(subject, der, OptionalInt.empty(), Optional.of(e.getMessage())));
      }
    }
    return new C509SizeReport(entries);
  }

  /** Total DER bytes of all certificates. */
  public int totalDerBytes() {
    return entries.stream().mapToInt(Entry::derBytes).sum();
  }

  /** Total C509 bytes, counting certificates without a C509 form at their DER size. */
  public int totalC509Bytes() {
    return entries.stream().mapToInt(e -> e.c509Bytes().orElse(e.derBytes())).sum();
  }

  private static int derLength(X509Certificate certificate) {
    try {
      return certificate.getEncoded().length;
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate has no DER encoding", e);
    }
  }
}
