// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotpki.cmp.CmpClient;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.enroll.PendingEnrollment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki cmp poll --state F --out DIR [--cert F --cert-key F] [--trust F]}. */
@Command(name = "poll", mixinStandardHelpOptions = true,
    description = {
      "Ask again about a waiting request (pollReq) from the state file enroll wrote. A request",
      "protected by a signature is polled with the same --cert and --cert-key.",
      "Exit 0 issued, 1 rejected, 2 usage, input or transport error, 3 still pending."
    })
final class CmpPollCommand extends CmpEnrollmentCommand {
  @Option(names = "--state", required = true, paramLabel = "FILE",
      description = "The pending.state file the first command wrote.")
  Path stateFile;

  @Override
  int execute() throws IOException, PkiParseException {
    PendingEnrollment pending = PendingEnrollment.decode(Files.readAllBytes(stateFile));
    CmpClient client;
    Credential credential;
    try {
      client = server.client(CmpClient.serverOf(pending));
      credential = server.credential();
      if (CmpClient.signedWithCertificate(pending) && credential == null) {
        throw new IllegalArgumentException("this request was signed: poll with its --cert and"
            + " --cert-key");
      }
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    return resume(client, pending, CmpClient.signedWithCertificate(pending) ? credential : null,
        pollCommand());
  }
}
