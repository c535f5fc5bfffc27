// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.c509.C509Certificate;
import org.iotpki.core.c509.C509ConversionException;
import org.iotpki.core.io.PemEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki c509 decode --in FILE --out FILE}. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the X.509 DER of a type 3 C509 certificate.",
      "Exit 0 decoded, 1 a natively signed (type 2) certificate has no X.509 form, 2 malformed input."
    })
final class C509DecodeCommand extends IotpkiCommand {
  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The C509 (CBOR) certificate.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the certificate.")
  Path out;

  @Option(names = "--pem", description = "Write PEM instead of DER.")
  boolean pem;

  @Override
  int execute() throws IOException, PkiParseException {
    C509Certificate c509 = C509Certificate.decode(C509Cli.read(in));
    Map<String, Object> fields = new LinkedHashMap<>();
    X509Certificate certificate;
    try {
      certificate = c509.toX509Certificate();
    } catch (C509ConversionException e) {
      fields.put("decoded", false);
      fields.put("reason", "NATIVE_HAS_NO_X509");
      fields.put("message", e.getMessage());
      output.result(out(), fields, "NOT DECODED: " + e.getMessage() + "\n");
      return ExitCode.INVALID;
    }
    byte[] der = Encoded.der(certificate);
    if (pem) {
      Files.writeString(out, PemEncoder.certificate(certificate), StandardCharsets.US_ASCII);
    } else {
      Files.write(out, der);
    }
    fields.put("decoded", true);
    fields.put("subject", certificate.getSubjectX500Principal().getName());
    fields.put("c509Length", c509.size());
    fields.put("derLength", der.length);
    fields.put("out", out.toString());
    output.result(out(), fields, String.format(java.util.Locale.ROOT,
        "Wrote %s: %d bytes DER from %d bytes C509%n", out, der.length, c509.size()));
    return ExitCode.OK;
  }
}
