// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki scep enroll --url URL --challenge PW --subject DN [--key F] --out DIR}. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
    description = {
      "Enroll with a challenge password (PKCSReq). Without --key a new key of --key-type (default",
      "RSA 2048: SCEP servers encrypt the answer to it) is written to DIR/key.pem; DIR gets",
      "cert.pem and chain.pem, or pending.state when the server answers PENDING.",
      "Exit 0 issued, 1 rejected (reason: the failInfo), 2 usage, input or transport error, 3 pending."
    })
final class ScepEnrollCommand extends ScepEnrollmentCommand {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The SCEP server, e.g. http://ca.example/scep.")
  URI url;

  @Option(names = "--subject", required = true, paramLabel = "DN",
      description = "The subject to request (RFC 2253).")
  String subject;

  @Option(names = "--challenge", paramLabel = "PW",
      description = "The challenge password the server hands out for enrollment.")
  String challenge;

  @Option(names = "--key", paramLabel = "FILE",
      description = "The existing private key to certify (PEM or DER).")
  Path key;

  @Option(names = "--key-type", paramLabel = "ALG", defaultValue = "RSA 2048",
      converter = KeyAlgorithmConverter.class,
      description = "The type of a generated key (default: ${DEFAULT-VALUE}).")
  KeyAlgorithm keyType;

  @Override
  int execute() throws IOException, PkiParseException {
    EnrollmentRequest request;
    try {
      EnrollmentKey enrollmentKey =
          key == null ? new EnrollmentKey.Generate(keyType) : KeyFile.read(key);
      EnrollmentRequest.Builder builder =
          EnrollmentRequest.builder().subject(subject).key(enrollmentKey);
      if (challenge != null) {
        builder.challengePassword(challenge.toCharArray());
      }
      request = builder.build();
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    return enroll(policy -> policy.enroll(server.client(url), request),
        pollCommand() + (key == null ? "" : " --key " + key));
  }
}
