// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code iotpki cert show FILE}. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Print the fields of a certificate (PEM or DER).",
      "A file with several certificates prints the first at the top level of the JSON",
      "and all of them, in order, under \"chain\"."
    })
final class CertShowCommand extends IotpkiCommand {
  @Parameters(paramLabel = "FILE", description = "Certificate file, PEM or DER.")
  Path file;

  @Override
  int execute() throws IOException, PkiParseException {
    List<X509Certificate> certificates = PkiReader.defaults().readCertificates(file);
    List<Map<String, Object>> chain = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < certificates.size(); i++) {
      CertificateSummary summary = CertificateSummary.of(certificates.get(i));
      chain.add(CertificateFields.json(summary));
      if (certificates.size() > 1) {
        text.append(i == 0 ? "" : "\n").append("Certificate ").append(i).append(":\n");
      }
      text.append(CertificateFields.text(summary));
    }
    Map<String, Object> fields = chain.get(0);
    if (certificates.size() > 1) {
      fields = new java.util.LinkedHashMap<>(fields);
      fields.put("chainLength", certificates.size());
      fields.put("chain", chain);
    }
    output.result(out(), fields, text.toString());
    return ExitCode.OK;
  }
}
