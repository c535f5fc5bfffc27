// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotpki.core.audit.AuditRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iotpki audit find FILE|JDBC-URL (--device-serial S | --cert-serial HEX)}. */
@Command(
    name = "find",
    mixinStandardHelpOptions = true,
    description = {"Find the records of a device or of a certificate serial.", "Exit 0 found, 1 none, 2 unreadable."})
final class AuditFindCommand extends IotpkiCommand {
  @Parameters(paramLabel = "FILE|JDBC-URL", description = "The audit trail: a file, or a JDBC URL (jdbc:postgresql://...).")
  String location;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Query query;

  static final class Query {
    @Option(names = "--device-serial", paramLabel = "S", description = "The device's serial number.")
    String deviceSerial;

    @Option(names = "--cert-serial", paramLabel = "HEX", description = "The certificate's serial number in hex.")
    String certificateSerial;
  }

  @Override
  int execute() throws IOException {
    List<AuditRecord> records;
    try {
      AuditLocation trail = new AuditLocation(location);
      records = query.deviceSerial != null
          ? trail.findByDeviceSerial(query.deviceSerial)
          : trail.findByCertificateSerial(query.certificateSerial);
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("found", records.size());
    fields.put("records", records.stream().map(AuditFindCommand::json).collect(Collectors.toList()));
    StringBuilder text = new StringBuilder();
    for (AuditRecord record : records) {
      text.append(String.format(java.util.Locale.ROOT, "#%d %s device %s certificate %s (%s) by %s%n", record.sequence(),
          record.time(), record.deviceSerial(), record.certificateSerial(), record.subject(), record.operator()));
    }
    output.result(out(), fields, records.isEmpty() ? "no records\n" : text.toString());
    return records.isEmpty() ? ExitCode.INVALID : ExitCode.OK;
  }

  private static Map<String, Object> json(AuditRecord record) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("sequence", record.sequence());
    fields.put("time", record.time().toString());
    fields.put("deviceSerial", record.deviceSerial());
    fields.put("certificateSerial", record.certificateSerial());
    fields.put("issuerKeyId", record.issuerKeyId());
    fields.put("subject", record.subject());
    fields.put("certificateSha256", record.certificateSha256());
    fields.put("operator", record.operator());
    fields.put("hash", record.hash());
    return fields;
  }
}
