// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import org.iotpki.cmp.CmpClient;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki cmp enroll --url URL [--ref R --secret S] [--cert F --cert-key F] --subject DN ...}. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
    description = {
      "Request a certificate: ir (default; the shared secret or --cert protects it), cr, p10cr, or",
      "kur (renews --cert, signed with it). Without --key a new key of --key-type goes to",
      "DIR/key.pem; DIR gets cert.pem and chain.pem, or pending.state while the CA is waiting.",
      "Exit 0 issued, 1 rejected, 2 usage, input or transport error, 3 pending."
    })
final class CmpEnrollCommand extends CmpEnrollmentCommand {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The CMP server, e.g. http://ca.example/pkix/.")
  URI url;

  @Option(names = "--cmd", paramLabel = "CMD", defaultValue = "ir",
      description = "ir, cr, p10cr or kur (default: ${DEFAULT-VALUE}).")
  String command;

  @Option(names = "--subject", paramLabel = "DN",
      description = "The subject to request (RFC 2253); for kur, default the current one.")
  String subject;

  @Mixin RequestKeyOptions requestKey;

  @Override
  int execute() throws IOException, PkiParseException {
    Credential current;
    EnrollmentRequest request;
    try {
      current = server.credential();
      if (!java.util.List.of("ir", "cr", "p10cr", "kur").contains(command)) {
        throw new IllegalArgumentException("--cmd is ir, cr, p10cr or kur, not " + command);
      }
      if (command.equals("kur") && current == null) {
        throw new IllegalArgumentException("kur renews --cert (with --cert-key)");
      }
      EnrollmentKey enrollmentKey = requestKey.enrollmentKey();
      EnrollmentRequest.Builder builder = EnrollmentRequest.builder().key(enrollmentKey);
      if (subject != null) {
        builder.subject(subject);
      } else if (current != null && command.equals("kur")) {
        builder.subject(current.certificate().getSubjectX500Principal());
      } else {
        throw new IllegalArgumentException("--subject is required");
      }
      request = builder.build();
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    return enroll(policy -> {
      CmpClient client = server.client(url);
      switch (command) {
        case "cr":
          return client.certify(request);
        case "p10cr":
          return client.enrollPkcs10(request);
        case "kur":
          return policy.renew(client, current, request);
        default:
          return policy.enroll(client, request);
      }
    }, pollCommand());
  }
}
