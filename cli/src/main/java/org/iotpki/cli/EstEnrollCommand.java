// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iotpki est enroll --url URL --trust F --subject DN [--username U --password P] [--key F]
 * --out DIR}.
 */
@Command(
    name = "enroll",
    mixinStandardHelpOptions = true,
    description = {
      "Enroll for a first certificate (/simpleenroll), authenticated by HTTP Basic. Without --key a",
      "new key is generated (of the type /csrattrs asks for, else --key-type) and written to key.pem.",
      "DIR gets cert.pem and chain.pem, or pending.state when the server says 202.",
      "Exit 0 issued, 1 rejected, 2 usage, input or transport error, 3 pending."
    })
class EstEnrollCommand extends EstEnrollmentCommand {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The EST server: https://host[:port] or its .../.well-known/est[/label] URI.")
  URI url;

  @Option(names = "--subject", required = true, paramLabel = "DN",
      description = "The subject to request (RFC 2253), e.g. CN=gateway-0042.")
  String subject;

  @Option(names = "--username", paramLabel = "U", description = "The HTTP Basic user name.")
  String username;

  @Option(names = "--password", paramLabel = "P",
      description = "The HTTP Basic password (visible to other local users in the process list;"
          + " prefer --password-file).")
  String password;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "A file whose first line is the HTTP Basic password.")
  Path passwordFile;

  @Option(names = "--challenge-password", paramLabel = "P",
      description = "A challengePassword for the request, where the server asks for one.")
  String challengePassword;

  @Option(names = "--key", paramLabel = "FILE",
      description = "The existing private key to certify (PEM or DER; its public key is derived).")
  Path key;

  @Option(names = "--key-type", paramLabel = "ALG", defaultValue = "EC P-256",
      converter = KeyAlgorithmConverter.class,
      description = "The type of a generated key, unless /csrattrs names one (default: ${DEFAULT-VALUE}).")
  KeyAlgorithm keyType;

  @Override
  int execute() throws IOException, PkiParseException {
    EnrollmentRequest request;
    try {
      request = request(enrollmentKey());
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    return enroll(policy -> policy.enroll(server.client(url), request), resumeCommand());
  }

  /** Where the new certificate's key comes from in this command. */
  EnrollmentKey enrollmentKey() throws IOException, PkiParseException {
    if (key == null) {
      return new EnrollmentKey.Generate(keyType);
    }
    return KeyFile.read(key);
  }

  EnrollmentRequest request(EnrollmentKey enrollmentKey) throws IOException {
    EnrollmentRequest.Builder builder =
        EnrollmentRequest.builder().subject(subject).key(enrollmentKey);
    if (challengePassword != null) {
      builder.challengePassword(challengePassword.toCharArray());
    }
    char[] secret = password();
    if (username != null && secret != null) {
      builder.httpCredentials(username, secret);
    } else if (username != null || secret != null) {
      throw new IllegalArgumentException("--username and --password(-file) go together");
    }
    return builder.build();
  }

  private char[] password() throws IOException {
    if (password != null && passwordFile != null) {
      throw new IllegalArgumentException("--password or --password-file, not both");
    }
    if (passwordFile != null) {
      String first = Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst()
          .orElse("");
      if (first.isEmpty()) {
        throw new IllegalArgumentException("the password file's first line is empty");
      }
      return first.toCharArray();
    }
    return password == null ? null : password.toCharArray();
  }
}
