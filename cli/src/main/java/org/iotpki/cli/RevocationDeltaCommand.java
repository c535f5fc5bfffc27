// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.revocation.RevocationDelta;
import org.iotpki.core.revocation.RevocationView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki revocation delta --base FILE [--delta FILE...] --issued FILE --revoked FILE --out FILE}. */
@Command(
    name = "delta",
    mixinStandardHelpOptions = true,
    description = {
      "Make the next delta of a revocation filter: what changed since the filter and the deltas so far.",
      "Its sequence number is one more than the last --delta's (1 for the first).",
      "Exit 0 written, 2 input error (a delta of another filter or out of order, a revoked serial not in --issued)."
    })
final class RevocationDeltaCommand extends IotpkiCommand {
  @Option(names = "--base", required = true, paramLabel = "FILE", description = "The filter the deltas continue.")
  Path base;

  @Option(names = "--delta", paramLabel = "FILE", description = "A delta made before, in order (repeatable).")
  List<Path> deltas = new ArrayList<>();

  @Option(names = "--issued", required = true, paramLabel = "FILE",
      description = "Every serial issued now: one per line in hex (0x optional); # comments ignored.")
  Path issued;

  @Option(names = "--revoked", required = true, paramLabel = "FILE", description = "The serials revoked now.")
  Path revoked;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the delta.")
  Path out;

  @Override
  int execute() throws IOException, PkiParseException {
    RevocationDelta delta;
    try {
      RevocationView current = RevocationFiles.view(base, deltas);
      delta = RevocationDelta.between(current, RevocationFiles.serials(issued), RevocationFiles.serials(revoked));
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    byte[] encoded = delta.encoded();
    Files.write(out, encoded);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("sequence", delta.sequence());
    fields.put("base", delta.base().hex());
    fields.put("revoked", delta.revoked().size());
    fields.put("notRevoked", delta.notRevoked().size());
    fields.put("bytes", encoded.length);
    fields.put("out", out.toString());
    output.result(out(), fields, "Wrote " + out + ": delta " + delta.sequence() + " of filter " + delta.base() + ", "
        + delta.revoked().size() + " newly revoked, " + delta.notRevoked().size() + " not revoked, "
        + encoded.length + " bytes\n");
    return ExitCode.OK;
  }
}
