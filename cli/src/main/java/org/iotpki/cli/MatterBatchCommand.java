// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.audit.AuditTrail;
import org.iotpki.core.audit.AuditVerification;
import org.iotpki.matter.issuance.DacCredential;
import org.iotpki.matter.issuance.DacProvisioning;
import org.iotpki.matter.issuance.MatterCa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki matter batch --pai-cert F --pai-key F --vid V --pid P --count N --out DIR [--audit FILE|JDBC-URL] [--cd F]}. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Issue a production run of DACs from a PAI, each with a new P-256 key.",
      "Writes DIR/<serial>/ in connectedhomeip's development-credential layout (dac-Cert.der/.pem,",
      "dac-Key.der/.pem owner-only, pai-Cert.der/.pem, cd.der with --cd, test_case_vector.json)",
      "and records every DAC in the audit trail (default DIR/audit.log).",
      "Exit 0 issued, 1 the audit trail does not verify afterwards, 2 usage or input error."
    })
final class MatterBatchCommand extends IotpkiCommand {
  /** Devices issued and written per round, so a large run does not hold every key in memory. */
  private static final int CHUNK = 1000;

  @Mixin PaiOptions issuer;

  @Option(names = "--count", required = true, paramLabel = "N", converter = NumberConverter.class, description = "How many devices.")
  long count;

  @Option(names = "--serial-prefix", paramLabel = "S", defaultValue = "SN-", description = "Device serial prefix (default ${DEFAULT-VALUE}).")
  String serialPrefix;

  @Option(names = "--first-serial", paramLabel = "N", converter = NumberConverter.class, defaultValue = "1",
      description = "Number of the first device (default ${DEFAULT-VALUE}): serials are PREFIX + 6 digits.")
  long firstSerial;

  @Mixin ProvisioningOptions provisioning;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the credentials.")
  Path outDirectory;

  @Option(names = "--audit", paramLabel = "FILE|JDBC-URL", description = "The audit trail (default DIR/audit.log).")
  String audit;

  @Override
  int execute() throws IOException, PkiParseException {
    if (count < 1 || count > 1_000_000 || firstSerial < 0 || firstSerial + count > 1_000_000_000L) {
      return error("--count must be 1 to 1000000, --first-serial + --count below 10^9");
    }
    MatterCa pai;
    int vendorId;
    int productId;
    try {
      vendorId = issuer.vendorId();
      productId = issuer.productId();
      pai = issuer.pai();
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    Optional<byte[]> cd = provisioning.certificationDeclaration();
    List<String> serials = new ArrayList<>();
    for (long i = firstSerial; i < firstSerial + count; i++) {
      String serial = String.format(java.util.Locale.ROOT, "%s%06d", serialPrefix, i);
      if (Files.exists(outDirectory.resolve(serial))) {
        // Checked before anything is issued: a DAC whose key could not be written would be lost.
        return error("refusing to overwrite the files of device " + serial + " in " + outDirectory);
      }
      serials.add(serial);
    }
    Files.createDirectories(outDirectory);
    AuditLocation trailLocation = new AuditLocation(audit != null ? audit : outDirectory.resolve("audit.log").toString());
    AuditVerification verification;
    try (AuditTrail trail = trailLocation.open()) {
      for (int from = 0; from < serials.size(); from += CHUNK) {
        List<String> chunk = serials.subList(from, Math.min(serials.size(), from + CHUNK));
        for (DacCredential credential : pai.issueBatch(vendorId, productId, chunk, trail, provisioning.operator)) {
          new DacProvisioning(credential.dac(), Optional.of(credential.privateKey()), pai.certificate(), cd)
              .writeTo(outDirectory.resolve(credential.deviceSerial()));
        }
      }
      verification = trail.verify();
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("issued", serials.size());
    fields.put("firstDevice", serials.get(0));
    fields.put("lastDevice", serials.get(serials.size() - 1));
    fields.put("out", outDirectory.toString());
    fields.put("audit", trailLocation.toString());
    fields.put("auditIntact", verification.isIntact());
    output.result(out(), fields, String.format(java.util.Locale.ROOT, "Issued %d DACs (%s to %s) into %s; audit trail %s is %s%n",
        serials.size(), serials.get(0), serials.get(serials.size() - 1), outDirectory, trailLocation,
        verification.isIntact() ? "intact" : "BROKEN"));
    return verification.isIntact() ? ExitCode.OK : ExitCode.INVALID;
  }
}
