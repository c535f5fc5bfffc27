// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotpki.acme.AcmeEnrollmentClient;
import org.iotpki.acme.Http01Responder;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.enroll.PendingEnrollment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki acme poll --directory URL --state F --out DIR [--account F] [--trust F]}. */
@Command(name = "poll", mixinStandardHelpOptions = true,
    description = {
      "Ask again about a processing order from the state file enroll wrote, as the same account.",
      "Exit 0 issued, 1 rejected, 2 usage, input or transport error, 3 still pending."
    })
final class AcmePollCommand extends AcmeEnrollmentCommand {
  @Option(names = "--state", required = true, paramLabel = "FILE",
      description = "The pending.state file the first command wrote.")
  Path stateFile;

  @Override
  int execute() throws IOException, PkiParseException {
    PendingEnrollment pending = PendingEnrollment.decode(Files.readAllBytes(stateFile));
    if (!Files.exists(accountFile())) {
      return error("no account key at " + accountFile() + "; poll as the account that ordered");
    }
    try (Http01Responder http01 = AcmeServerOptions.http01(httpPort)) {
      AcmeEnrollmentClient client =
          server.client(AcmeServerOptions.accountKey(accountFile())).responder(http01).build();
      return resume(client, pending, null, pollCommand());
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
  }
}
