// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iotpki.core.io.PkiReader;

/** The rows of shared/vectors/pqc-certificates/MANIFEST: the hackathon and LAMPS certificates. */
public final class PqcManifest {
  private PqcManifest() {}

  /**
   * One certificate and the outcome its signature check must have.
   *
   * @param certificate the certificate's path below pqc-certificates
   * @param issuer the issuer's path, or {@code "-"} when self-signed
   * @param expectedExit 0 when the signature verifies, 1 for a tampered copy
   * @param signatureOid the certificate's signature algorithm
   * @param label a name for the row
   */
  public record Row(String certificate, String issuer, int expectedExit, String signatureOid, String label) {
    @Override
    public String toString() {
      return label;
    }

    /** The certificate. */
    public X509Certificate read() throws Exception {
      return PqcManifest.read(certificate);
    }

    /** The issuer's certificate (the certificate itself when self-signed). */
    public X509Certificate readIssuer() throws Exception {
      return "-".equals(issuer) ? read() : PqcManifest.read(issuer);
    }
  }

  /** Every row, or a skip (a failure on CI) where shared/ is missing. */
  public static List<Row> rows() throws Exception {
    Path directory = SharedVectors.directory("pqc-certificates");
    try (Stream<String> lines = Files.lines(directory.resolve("MANIFEST"), StandardCharsets.UTF_8)) {
      return lines
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.trim().split("\\s+"))
          .map(f -> new Row(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4]))
          .collect(Collectors.toList());
    }
  }

  private static X509Certificate read(String relative) throws Exception {
    return PkiReader.defaults().readCertificate(SharedVectors.directory("pqc-certificates").resolve(relative));
  }
}
