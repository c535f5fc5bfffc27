// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.io.PemEncoder;
import picocli.CommandLine.Option;

/** {@code --out-cert FILE --out-key FILE}: where a new CA or signer certificate and its key go. */
final class CaKeyFiles {
  @Option(names = "--out-cert", required = true, paramLabel = "FILE", description = "Where to write the certificate (PEM).")
  Path certificateFile;

  @Option(names = "--out-key", required = true, paramLabel = "FILE",
      description = "Where to write the private key (PKCS#8 PEM, owner-only).")
  Path keyFile;

  /** Refuses existing files before anything is made: a CA key is never overwritten. */
  void requireNew() throws FileAlreadyExistsException {
    for (Path file : new Path[] {certificateFile, keyFile}) {
      if (Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite");
      }
    }
  }

  /** Writes both files; returns the JSON fields describing the certificate. */
  Map<String, Object> write(X509Certificate certificate, PrivateKey key) throws IOException, PkiParseException {
    OwnerOnly.writeNew(keyFile, PemEncoder.privateKey(key));
    Files.writeString(certificateFile, PemEncoder.certificate(certificate), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
    CertificateSummary summary = CertificateSummary.of(certificate);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("subject", summary.subject());
    fields.put("serial", summary.serialNumberHex());
    fields.put("notBefore", summary.notBefore().toString());
    fields.put("notAfter", summary.notAfter().toString());
    fields.put("subjectKeyId", summary.subjectKeyIdentifierHex().orElse(null));
    fields.put("certificate", certificateFile.toString());
    fields.put("key", keyFile.toString());
    return fields;
  }
}
