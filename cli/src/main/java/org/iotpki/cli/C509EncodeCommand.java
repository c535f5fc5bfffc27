// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.c509.C509Certificate;
import org.iotpki.core.c509.C509ConversionException;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki c509 encode --in FILE --out FILE}. */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = {
      "Re-encode an X.509 certificate as C509 (type 3).",
      "The DER is checked to rebuild byte for byte, so the original signature still verifies.",
      "Exit 0 encoded, 1 the certificate has no exact C509 form (reason NOT_REENCODABLE), 2 input error."
    })
final class C509EncodeCommand extends IotpkiCommand {
  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The certificate, PEM or DER.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the C509 (CBOR) bytes.")
  Path out;

  @Option(names = "--no-point-compression", description = "Keep EC public keys uncompressed (larger).")
  boolean uncompressed;

  @Override
  int execute() throws IOException, PkiParseException {
    X509Certificate certificate = PkiReader.defaults().readCertificate(in);
    Map<String, Object> fields = new LinkedHashMap<>();
    C509Certificate c509;
    try {
      c509 = uncompressed
          ? C509Certificate.encodeWithoutPointCompression(certificate)
          : C509Certificate.encode(certificate);
    } catch (C509ConversionException e) {
      fields.put("encoded", false);
      fields.put("reason", "NOT_REENCODABLE");
      fields.put("message", e.getMessage());
      output.result(out(), fields, "NOT ENCODED: " + e.getMessage() + "\n");
      return ExitCode.INVALID;
    }
    Files.write(out, c509.encoded());
    int der = Encoded.der(certificate).length;
    fields.put("encoded", true);
    fields.put("type", c509.type().name());
    fields.put("derLength", der);
    fields.put("c509Length", c509.size());
    fields.put("savedPercent", C509Cli.savedPercent(der, c509.size()));
    fields.put("out", out.toString());
    output.result(out(), fields, String.format(java.util.Locale.ROOT,
        "Wrote %s: %d bytes C509 from %d bytes DER (%d%% smaller)%n", out, c509.size(), der,
        C509Cli.savedPercent(der, c509.size())));
    return ExitCode.OK;
  }
}
