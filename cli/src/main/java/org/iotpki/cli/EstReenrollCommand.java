// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki est reenroll --url URL --trust F --cert F --key F --out DIR}. */
@Command(
    name = "reenroll",
    mixinStandardHelpOptions = true,
    description = {
      "Renew a certificate (/simplereenroll), authenticated by the current certificate and key over",
      "TLS. The subject stays the current one. By default a new key is generated (written to",
      "key.pem); --same-key renews the current key.",
      "Exit 0 issued, 1 rejected, 2 usage, input or transport error, 3 pending."
    })
final class EstReenrollCommand extends EstEnrollmentCommand {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The EST server: https://host[:port] or its .../.well-known/est[/label] URI.")
  URI url;

  @Mixin CurrentCredential current;

  @Option(names = "--same-key", description = "Certify the current key again instead of a new one.")
  boolean sameKey;

  @Option(names = "--key-type", paramLabel = "ALG", converter = KeyAlgorithmConverter.class,
      description = "The type of the new key (default: the current key's type, else EC P-256).")
  KeyAlgorithm keyType;

  @Override
  int execute() throws IOException, PkiParseException {
    Credential credential;
    EnrollmentRequest request;
    try {
      credential = current.read();
      EnrollmentKey key = sameKey
          ? new EnrollmentKey.Existing(Signer.forCertificate(credential.certificate(),
              credential.privateKey()))
          : new EnrollmentKey.Generate(keyType != null ? keyType
              : KeyAlgorithm.of(credential.certificate().getPublicKey())
                  .orElse(KeyAlgorithm.EC_P256));
      request = EnrollmentRequest.builder()
          .subject(credential.certificate().getSubjectX500Principal())
          .key(key)
          .build();
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    return enroll(policy -> policy.renew(server.client(url), credential, request),
        resumeCommand() + " " + current.asOptions());
  }
}
