package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.issuance.MatterCa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki matter issue pai --paa-cert F --paa-key F --cn S --vid V [--pid P] --out-cert F --out-key F}. */
@Command(
    name = "pai",
    mixinStandardHelpOptions = true,
    description = {
      "Issue a Product Attestation Intermediate for a vendor (optionally one product) under a PAA,",
      "with a new P-256 key (pathLen 0). Default validity 10 years.",
      "Exit 0 issued, 2 usage or input error (existing output files are never overwritten)."
    })
final class MatterIssuePaiCommand extends IotpkiCommand {
  @Option(names = "--paa-cert", required = true, paramLabel = "FILE", description = "The PAA certificate.")
  Path paaCertificate;

  @Option(names = "--paa-key", required = true, paramLabel = "FILE", description = "The PAA private key.")
  Path paaKey;

  @Option(names = "--cn", required = true, paramLabel = "S", description = "Common name, e.g. \"Acme Matter PAI\".")
  String commonName;

  @Option(names = "--vid", required = true, paramLabel = "N", converter = NumberConverter.class, description = "Vendor id (e.g. 0xFFF1).")
  long vendorId;

  @Option(names = "--pid", paramLabel = "N", converter = NumberConverter.class, description = "Product id, for a PAI of one product.")
  Long productId;

  @Mixin MatterValidity validity;
  @Mixin CaKeyFiles files;

  @Override
  int execute() throws IOException, PkiParseException {
    files.requireNew();
    PkiReader reader = PkiReader.defaults();
    MatterCa pai;
    try {
      MatterCa paa = MatterCa.of(reader.readCertificate(paaCertificate), reader.readPrivateKey(paaKey));
      pai = paa.issuePai(commonName, MatterIds.required(vendorId, "--vid"), MatterIds.optional(productId, "--pid"),
          validity.notBefore(), validity.notAfter(start -> start.plus(Duration.ofDays(10 * 365 + 2))));
    } catch (IllegalArgumentException e) {
      return error("cannot issue: " + e.getMessage());
    }
    Map<String, Object> fields = files.write(pai.certificate(), pai.credential().privateKey());
    output.result(out(), fields, "Issued PAI " + fields.get("subject") + " in " + files.certificateFile + "\n");
    return ExitCode.OK;
  }
}
