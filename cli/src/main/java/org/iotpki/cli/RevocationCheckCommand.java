// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.revocation.RevocationView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki revocation check --filter FILE [--delta FILE...] --serial HEX}. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Whether a certificate serial is revoked, by a revocation filter and its deltas.",
      "Exact for serials the issuer issued, so check certificates whose chain to the issuer is valid.",
      "Exit 0 not revoked, 1 revoked, 2 input error (such as a delta of another filter or out of order)."
    })
final class RevocationCheckCommand extends IotpkiCommand {
  @Option(names = "--filter", required = true, paramLabel = "FILE", description = "The issuer's revocation filter.")
  Path filter;

  @Option(names = "--delta", paramLabel = "FILE", description = "A delta of the filter, in order (repeatable).")
  List<Path> deltas = new ArrayList<>();

  @Option(names = "--serial", required = true, paramLabel = "HEX", converter = HexSerialConverter.class,
      description = "The certificate's serial number in hex (0x optional).")
  BigInteger serial;

  @Override
  int execute() throws IOException, PkiParseException {
    RevocationView view;
    try {
      view = RevocationFiles.view(filter, deltas);
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    boolean revoked = view.isRevoked(serial);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("revoked", revoked);
    fields.put("serial", serial.toString(16));
    fields.put("filter", view.base().id().hex());
    fields.put("sequence", view.sequence());
    output.result(out(), fields, (revoked ? "REVOKED" : "NOT REVOKED") + ": serial " + serial.toString(16)
        + " (filter " + view.base().id() + ", delta " + view.sequence() + ")\n");
    return revoked ? ExitCode.INVALID : ExitCode.OK;
  }
}
