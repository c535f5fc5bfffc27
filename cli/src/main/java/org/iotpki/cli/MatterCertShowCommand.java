// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.iotpki.core.PkiParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code iotpki matter cert show FILE [--json]}. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Print the fields of an operational certificate (Matter TLV, DER or PEM, detected).")
final class MatterCertShowCommand extends IotpkiCommand {
  @Parameters(paramLabel = "FILE", description = "The certificate.")
  Path file;

  @Override
  int execute() throws IOException, PkiParseException {
    MatterCertificateFile input = MatterCertificateFile.read(file);
    output.result(out(), MatterCertificateFields.json(input), MatterCertificateFields.text(input));
    return ExitCode.OK;
  }
}
