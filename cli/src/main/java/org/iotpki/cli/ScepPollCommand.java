// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.scep.ScepClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki scep poll --state F --out DIR [--cert F --key F | --key F]}. */
@Command(name = "poll", mixinStandardHelpOptions = true,
    description = {
      "Ask again about a PENDING request (CertPoll) from the state file enroll or renew wrote. A",
      "renewal needs its --cert and --key; a request for your own key needs that --key.",
      "Exit 0 issued, 1 rejected, 2 usage, input or transport error, 3 still pending."
    })
final class ScepPollCommand extends ScepEnrollmentCommand {
  @Option(names = "--state", required = true, paramLabel = "FILE",
      description = "The pending.state file the first command wrote.")
  Path stateFile;

  @Mixin CurrentCredential current;

  @Override
  int execute() throws IOException, PkiParseException {
    PendingEnrollment pending = PendingEnrollment.decode(Files.readAllBytes(stateFile));
    ScepClient client;
    Credential credential = null;
    try {
      client = server.client(ScepClient.serverOf(pending));
      if (ScepClient.needsCallersKey(pending)) {
        credential = current.cert != null ? current.read() : keyOnly(pending);
      }
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    return resume(client, pending, credential, pollCommand() + (credential == null ? ""
        : current.cert != null ? " " + current.asOptions() : " --key " + current.key));
  }

  /** A request for the caller's own key: that key with the request's self-signed certificate. */
  private Credential keyOnly(PendingEnrollment pending) throws IOException, PkiParseException {
    if (current.key == null) {
      throw new IllegalArgumentException("this request is polled with its key: --key FILE");
    }
    return new Credential(org.iotpki.core.io.PkiReader.defaults().readPrivateKey(current.key),
        java.util.List.of(ScepClient.requesterCertificateOf(pending)));
  }
}
