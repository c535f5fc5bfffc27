package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
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
    URI server;
    Credential credential = null;
    try {
      server = EstClient.serverOf(pending);
      if (EstClient.isRenewal(pending) || current.given()) {
        credential = current.read();
      }
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    Credential renewing = credential;
    String again = resumeCommand() + (renewing == null ? "" : " " + current.asOptions());
    return enroll(policy -> {
      EstClient client = this.server.client(server);
      if (!waits()) {
        return renewing == null ? client.poll(pending) : client.poll(pending, renewing);
      }
      return renewing == null
          ? policy.resume(client, pending) : policy.resume(client, pending, renewing);
    }, again);
  }
}
