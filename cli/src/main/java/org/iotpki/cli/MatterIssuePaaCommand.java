// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.issuance.MatterCa;
import org.iotpki.matter.issuance.MatterPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki matter issue paa --cn S [--vid V] --out-cert F --out-key F}. */
@Command(
    name = "paa",
    mixinStandardHelpOptions = true,
    description = {
      "Create a self-signed Product Attestation Authority with a new P-256 key (pathLen 1),",
      "optionally bound to one vendor id. Default validity 20 years.",
      "Exit 0 created, 2 usage or input error (existing output files are never overwritten)."
    })
final class MatterIssuePaaCommand extends IotpkiCommand {
  @Option(names = "--cn", required = true, paramLabel = "S", description = "Common name, e.g. \"Acme Matter PAA\".")
  String commonName;

  @Option(names = "--vid", paramLabel = "N", converter = NumberConverter.class, description = "Vendor id (e.g. 0xFFF1); none: a non-VID-scoped PAA.")
  Long vendorId;

  @Mixin MatterValidity validity;
  @Mixin CaKeyFiles files;

  @Override
  int execute() throws IOException, PkiParseException {
    files.requireNew();
    MatterCa paa;
    try {
      paa = MatterPki.createPaa(commonName, MatterIds.optional(vendorId, "--vid"), validity.notBefore(),
          validity.notAfter(start -> start.plus(Duration.ofDays(20 * 365 + 5))));
    } catch (IllegalArgumentException e) {
      return error("cannot issue: " + e.getMessage());
    }
    Map<String, Object> fields = files.write(paa.certificate(), paa.credential().privateKey());
    output.result(out(), fields, "Created PAA " + fields.get("subject") + " in " + files.certificateFile + "\n");
    return ExitCode.OK;
  }
}
