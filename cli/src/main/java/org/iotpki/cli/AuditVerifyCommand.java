// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.audit.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code iotpki audit verify FILE|JDBC-URL}. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify an audit trail's hash chain without changing it.",
      "Exit 0 intact, 1 broken (reason and line in the JSON), 2 unreadable."
    })
final class AuditVerifyCommand extends IotpkiCommand {
  @Parameters(paramLabel = "FILE|JDBC-URL", description = "The audit trail: a file, or a JDBC URL (jdbc:postgresql://...).")
  String location;

  @Override
  int execute() throws IOException {
    AuditVerification result = new AuditLocation(location).verify();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("intact", result.isIntact());
    String text;
    if (result instanceof AuditVerification.Intact) {
      AuditVerification.Intact intact = (AuditVerification.Intact) result;
      fields.put("records", intact.records());
      fields.put("lastHash", intact.lastHash());
      text = "INTACT: " + intact.records() + " records, last hash " + intact.lastHash() + "\n";
    } else {
      AuditVerification.Broken broken = (AuditVerification.Broken) result;
      fields.put("reason", broken.reason().name());
      fields.put("line", broken.line());
      fields.put("expectedSequence", broken.expectedSequence());
      fields.put("message", broken.message());
      text = "BROKEN: " + broken.reason() + " at line " + broken.line() + ": " + broken.message() + "\n";
    }
    output.result(out(), fields, text);
    return result.isIntact() ? ExitCode.OK : ExitCode.INVALID;
  }
}
