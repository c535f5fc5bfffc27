// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.attestation.AttestationCertType;
import org.iotpki.matter.attestation.LintFinding;
import org.iotpki.matter.attestation.MatterCertificateLinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iotpki matter lint FILE...}: every Matter attestation profile violation of PAA/PAI/DAC files. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Report every violation of the Matter attestation certificate profile (PAA, PAI, DAC), for factory QA.",
      "Each certificate is a DAC if not a CA, a PAA if a self-issued CA, else a PAI, unless --type is given.",
      "Exit 0 no violation, 1 violations found, 2 unreadable input."
    })
final class MatterLintCommand extends IotpkiCommand {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Certificates (PEM or DER); a PEM file may hold several.")
  List<Path> files;

  @Option(names = "--type", paramLabel = "TYPE", description = "PAA, PAI or DAC for all certificates.")
  AttestationCertType type;

  @Override
  int execute() throws IOException, PkiParseException {
    List<Map<String, Object>> certificates = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int violations = 0;
    for (Path file : files) {
      for (X509Certificate certificate : PkiReader.defaults().readCertificates(file)) {
        AttestationCertType kind = type != null ? type : MatterCertificateLinter.guessType(certificate);
        List<LintFinding> findings = MatterCertificateLinter.lint(certificate, kind);
        violations += findings.size();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", file.toString());
        entry.put("subject", certificate.getSubjectX500Principal().getName());
        entry.put("type", kind.name());
        entry.put("violations", findings.stream().map(f -> {
          Map<String, Object> finding = new LinkedHashMap<>();
          finding.put("rule", f.rule());
          finding.put("message", f.message());
          return finding;
        }).toList());
        certificates.add(entry);
        text.append(file).append(" (").append(kind).append(", ").append(entry.get("subject")).append("): ")
            .append(findings.isEmpty() ? "conforms" : findings.size() + " violation(s)").append('\n');
        findings.forEach(f -> text.append("  ").append(f.rule()).append(": ").append(f.message()).append('\n'));
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("valid", violations == 0);
    fields.put("violationCount", violations);
    fields.put("certificates", certificates);
    output.result(out(), fields, text.toString());
    return violations == 0 ? ExitCode.OK : ExitCode.INVALID;
  }
}
