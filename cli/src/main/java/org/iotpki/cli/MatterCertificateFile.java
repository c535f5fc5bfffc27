// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.opcert.OperationalCertificate;
import org.iotpki.matter.opcert.OperationalCertificates;

/**
 * A certificate file in either form: Matter TLV (starts with an anonymous structure, 0x15), X.509
 * DER (a SEQUENCE, 0x30) or PEM.
 */
record MatterCertificateFile(OperationalCertificate certificate, String form) {
  /** The most bytes read: far above the largest operational certificate. */
  private static final long MAX_FILE_BYTES = 64 * 1024;
  private static final int TLV_STRUCTURE = 0x15;
  private static final int DER_SEQUENCE = 0x30;

  static MatterCertificateFile read(Path file) throws IOException, PkiParseException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new PkiParseException("file larger than " + MAX_FILE_BYTES + " bytes: not a Matter certificate");
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length > 0 && (bytes[0] & 0xFF) == DER_SEQUENCE) {
      return new MatterCertificateFile(OperationalCertificates.decodeDer(bytes), "der");
    }
    if (new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
      byte[] der = certificateDer(bytes);
      return new MatterCertificateFile(OperationalCertificates.decodeDer(der), "pem");
    }
    if (bytes.length > 0 && (bytes[0] & 0xFF) != TLV_STRUCTURE) {
      throw new PkiParseException("neither Matter TLV (0x15 first), DER (0x30 first) nor PEM", 0);
    }
    return new MatterCertificateFile(OperationalCertificates.decodeTlv(bytes), "tlv");
  }

  private static byte[] certificateDer(byte[] pem) throws PkiParseException {
    try {
      return PkiReader.defaults().readCertificate(pem).getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new PkiParseException("the PEM certificate has no DER encoding", e);
    }
  }
}
