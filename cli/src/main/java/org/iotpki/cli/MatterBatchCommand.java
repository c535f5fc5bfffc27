package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.audit.AuditVerification;
import org.iotpki.core.audit.FileAuditTrail;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.issuance.DacCredential;
import org.iotpki.matter.issuance.MatterCa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki matter batch --pai-cert F --pai-key F --vid V --pid P --count N --out DIR [--audit FILE]}. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Issue a production run of DACs from a PAI, each with a new P-256 key.",
      "Writes DIR/<serial>/dac.pem, dac-key.pem (owner-only), pai.pem, and records every DAC in the",
      "audit trail (default DIR/audit.log). Exit 0 issued, 2 usage or input error."
    })
final class MatterBatchCommand extends IotpkiCommand {
  @Option(names = "--pai-cert", required = true, paramLabel = "FILE", description = "The PAI certificate.")
  Path paiCertificate;

  @Option(names = "--pai-key", required = true, paramLabel = "FILE", description = "The PAI private key.")
  Path paiKey;

  @Option(names = "--vid", required = true, paramLabel = "N", converter = NumberConverter.class, description = "Vendor id (e.g. 0xFFF1).")
  long vendorId;

  @Option(names = "--pid", required = true, paramLabel = "N", converter = NumberConverter.class, description = "Product id (e.g. 0x8000).")
  long productId;

  @Option(names = "--count", required = true, paramLabel = "N", converter = NumberConverter.class, description = "How many devices.")
  long count;

  @Option(names = "--serial-prefix", paramLabel = "S", defaultValue = "SN-", description = "Device serial prefix (default ${DEFAULT-VALUE}).")
  String serialPrefix;

  @Option(names = "--operator", paramLabel = "S", defaultValue = "iotpki-cli", description = "Operator or line id for the audit trail.")
  String operator;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the credentials.")
  Path outDirectory;

  @Option(names = "--audit", paramLabel = "FILE", description = "The audit trail file (default DIR/audit.log).")
  Path auditFile;

  @Override
  int execute() throws IOException, PkiParseException {
    if (count < 1 || count > 1_000_000 || vendorId < 0 || vendorId > 0xFFFF || productId < 0 || productId > 0xFFFF) {
      return error("--count must be 1 to 1000000, --vid and --pid 16-bit numbers");
    }
    PkiReader reader = PkiReader.defaults();
    MatterCa pai;
    try {
      pai = MatterCa.of(reader.readCertificate(paiCertificate), reader.readPrivateKey(paiKey));
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    List<String> serials = new ArrayList<>();
    for (long i = 1; i <= count; i++) {
      serials.add(String.format(java.util.Locale.ROOT, "%s%06d", serialPrefix, i));
    }
    Files.createDirectories(outDirectory);
    Path audit = auditFile != null ? auditFile : outDirectory.resolve("audit.log");
    List<DacCredential> batch;
    AuditVerification verification;
    try (FileAuditTrail trail = FileAuditTrail.open(audit)) {
      batch = pai.issueBatch((int) vendorId, (int) productId, serials, trail, operator);
      verification = trail.verify();
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    String paiPem = PemEncoder.certificate(pai.certificate());
    for (DacCredential credential : batch) {
      Path device = Files.createDirectories(outDirectory.resolve(credential.deviceSerial()));
      Files.writeString(device.resolve("dac.pem"), PemEncoder.certificate(credential.dac()), StandardCharsets.US_ASCII);
      Files.writeString(device.resolve("dac-key.pem"), PemEncoder.privateKey(credential.privateKey()), StandardCharsets.US_ASCII);
      OwnerOnly.restrict(device.resolve("dac-key.pem"));
      Files.writeString(device.resolve("pai.pem"), paiPem, StandardCharsets.US_ASCII);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("issued", batch.size());
    fields.put("out", outDirectory.toString());
    fields.put("audit", audit.toString());
    fields.put("auditIntact", verification.isIntact());
    output.result(out(), fields, String.format(java.util.Locale.ROOT, "Issued %d DACs into %s; audit trail %s is %s%n",
        batch.size(), outDirectory, audit, verification.isIntact() ? "intact" : "BROKEN"));
    return verification.isIntact() ? ExitCode.OK : ExitCode.INVALID;
  }
}
