// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.opcert.OperationalCertificates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki matter cert convert --in FILE --out FILE --to tlv|der}. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert an operational certificate between Matter TLV and X.509 DER, byte-exact both ways.",
      "The input form (TLV, DER or PEM) is detected. A DER certificate that has no TLV form",
      "(not a Matter certificate, or not encoded as Matter writes them) is an input error (exit 2)."
    })
final class MatterCertConvertCommand extends IotpkiCommand {
  enum Form { tlv, der }

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The certificate: Matter TLV, DER or PEM.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the converted certificate.")
  Path out;

  @Option(names = "--to", required = true, paramLabel = "FORM", description = "tlv or der.")
  Form to;

  @Override
  int execute() throws IOException, PkiParseException {
    MatterCertificateFile input = MatterCertificateFile.read(in);
    byte[] converted = to == Form.tlv
        ? OperationalCertificates.encodeTlv(input.certificate())
        : OperationalCertificates.encodeDer(input.certificate());
    Files.write(out, converted);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("in", in.toString());
    fields.put("inputForm", input.form());
    fields.put("out", out.toString());
    fields.put("outputForm", to.name());
    fields.put("length", converted.length);
    output.result(out(), fields, "Wrote " + to.name().toUpperCase(java.util.Locale.ROOT) + " (" + converted.length
        + " bytes) to " + out + " from " + input.form().toUpperCase(java.util.Locale.ROOT) + " " + in + "\n");
    return ExitCode.OK;
  }
}
