// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.issuance.CdSigner;
import org.iotpki.matter.issuance.MatterPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki matter issue cd-signer --cn S --out-cert F --out-key F}. */
@Command(
    name = "cd-signer",
    mixinStandardHelpOptions = true,
    description = {
      "Create a self-signed Certification Declaration signer with a new P-256 key, for test and",
      "development CDs (matter cd sign; matter verify --cd-signer). Default validity 10 years.",
      "Exit 0 created, 2 usage or input error (existing output files are never overwritten)."
    })
final class MatterIssueCdSignerCommand extends IotpkiCommand {
  @Option(names = "--cn", required = true, paramLabel = "S", description = "Common name, e.g. \"Acme Test CD Signer\".")
  String commonName;

  @Mixin MatterValidity validity;
  @Mixin CaKeyFiles files;

  @Override
  int execute() throws IOException, PkiParseException {
    files.requireNew();
    CdSigner signer;
    try {
      signer = MatterPki.createCdSigner(commonName, validity.notBefore(),
          validity.notAfter(start -> start.plus(Duration.ofDays(10 * 365 + 2))));
    } catch (IllegalArgumentException e) {
      return error("cannot issue: " + e.getMessage());
    }
    Map<String, Object> fields = files.write(signer.certificate(), signer.credential().privateKey());
    output.result(out(), fields, "Created CD signer " + fields.get("subject") + " in " + files.certificateFile + "\n");
    return ExitCode.OK;
  }
}
