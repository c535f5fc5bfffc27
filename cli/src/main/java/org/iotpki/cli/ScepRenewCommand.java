// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki scep renew --url URL --cert F --key F --out DIR}. */
@Command(name = "renew", mixinStandardHelpOptions = true,
    description = {
      "Renew a certificate (RenewalReq) signed with the current certificate and key, for servers",
      "that offer Renewal. A new key of the current key's type is written to DIR/key.pem.",
      "Exit 0 issued, 1 rejected (reason: the failInfo), 2 usage, input or transport error, 3 pending."
    })
final class ScepRenewCommand extends ScepEnrollmentCommand {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The SCEP server, e.g. http://ca.example/scep.")
  URI url;

  @Mixin CurrentCredential current;

  @Override
  int execute() throws IOException, PkiParseException {
    Credential credential;
    EnrollmentRequest request;
    try {
      credential = current.read();
      request = EnrollmentRequest.builder()
          .subject(credential.certificate().getSubjectX500Principal())
          .generateKey(KeyAlgorithm.of(credential.certificate().getPublicKey())
              .orElse(KeyAlgorithm.RSA_2048))
          .build();
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    return enroll(policy -> policy.renew(server.client(url), credential, request),
        pollCommand() + " " + current.asOptions());
  }
}
