// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.issuance.MatterCa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki matter issue pai --paa-cert F (--paa-key F | --key PKCS11-URI) --cn S --vid V [--pid P] --out-cert F --out-key F}. */
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

  @Option(names = "--paa-key", paramLabel = "FILE", description = "The PAA private key file.")
  Path paaKey;

  @Mixin Pkcs11KeyOptions paaTokenKey;

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
      if ((paaKey == null) == !paaTokenKey.given()) {
        return error("name the PAA key with --paa-key FILE or --key PKCS11-URI");
      }
      X509Certificate paaCert = reader.readCertificate(paaCertificate);
      MatterCa paa = paaKey != null ? MatterCa.of(paaCert, reader.readPrivateKey(paaKey)) : paaTokenKey.matterCa(paaCert);
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
