// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.est.EstClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki est resume --state F --trust F --out DIR [--cert F --key F]}. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Ask again about a pending enrollment (exit 3 of enroll, reenroll or serverkeygen), from the",
      "state file it wrote, after the retry time it names. A renewal needs the --cert and --key it",
      "renews. The state file is removed once the certificate is written.",
      "Exit 0 issued, 1 rejected, 2 usage, input or transport error, 3 still pending."
    })
final class EstResumeCommand extends EstEnrollmentCommand {
  @Option(names = "--state", required = true, paramLabel = "FILE",
      description = "The pending.state file the first command wrote.")
  Path stateFile;

  @Mixin CurrentCredential current;

  @Override
  int execute() throws IOException, PkiParseException {
    PendingEnrollment pending = PendingEnrollment.decode(Files.readAllBytes(stateFile));
    EstClient client;
    Credential renewing = null;
    try {
      client = server.client(EstClient.serverOf(pending));
      if (EstClient.isRenewal(pending) || current.given()) {
        renewing = current.read();
      }
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    return resume(client, pending, renewing,
        resumeCommand() + (renewing == null ? "" : " " + current.asOptions()));
  }
}
