// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.iotpki.cmp.CmpClient;
import org.iotpki.cmp.PbmParameters;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Option;

/** How to reach and authenticate to a CMP server: the shared secret or a signing credential. */
final class CmpServerOptions {
  @Option(names = "--ref", paramLabel = "R",
      description = "The reference of the shared secret (senderKID), for PasswordBasedMac.")
  String reference;

  @Option(names = "--secret", paramLabel = "S",
      description = "The shared secret (visible in the process list; prefer --secret-file).")
  String secret;

  @Option(names = "--secret-file", paramLabel = "FILE",
      description = "A file whose first line is the shared secret.")
  Path secretFile;

  @Option(names = "--allow-weak-pbm",
      description = "Accept PasswordBasedMac answers below the floors (SHA-1, HMAC-SHA1, fewer than"
          + " 1,000 iterations, a salt under 16 bytes), as OpenSSL 3.0's mock server sends them.")
  boolean allowWeakPbm;

  @Option(names = "--cert", paramLabel = "FILE",
      description = "Signature protection: the certificate (and chain) to sign requests with; for"
          + " kur, the certificate to renew.")
  Path cert;

  @Option(names = "--cert-key", paramLabel = "FILE", description = "The private key of --cert.")
  Path certKey;

  @Option(names = "--trust", paramLabel = "FILE",
      description = "The CA certificate(s) signed answers must chain to.")
  Path trust;

  @Option(names = "--implicit-confirm", description = "Ask for implicit confirmation (no certConf).")
  boolean implicitConfirm;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      converter = NumberConverter.class,
      description = "How long each exchange may take (default: ${DEFAULT-VALUE} s).")
  long timeoutSeconds;

  /** The signing credential of --cert and --cert-key, if given. */
  Credential credential() throws IOException, PkiParseException {
    if (cert == null && certKey == null) {
      return null;
    }
    if (cert == null || certKey == null) {
      throw new IllegalArgumentException("--cert and --cert-key go together");
    }
    PkiReader reader = PkiReader.defaults();
    return new Credential(reader.readPrivateKey(certKey), reader.readCertificates(cert));
  }

  /** A client for {@code server} with these options. */
  CmpClient client(URI server) throws IOException, PkiParseException {
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("--timeout must be at least 1 second");
    }
    CmpClient.Builder builder = CmpClient.builder(server).timeout(Duration.ofSeconds(timeoutSeconds));
    char[] shared = secret();
    if (reference != null && shared != null) {
      builder.sharedSecret(reference, shared);
      if (allowWeakPbm) {
        builder.pbm(PbmParameters.defaults().allowWeak());
      }
    } else if (reference != null || shared != null) {
      throw new IllegalArgumentException("--ref and --secret(-file) go together");
    }
    Credential credential = credential();
    if (credential != null) {
      builder.signedBy(credential);
    }
    if (trust != null) {
      builder.trustAnchors(PkiReader.defaults().readCertificates(trust));
    }
    if (implicitConfirm) {
      builder.implicitConfirm();
    }
    return builder.build();
  }

  private char[] secret() throws IOException {
    if (secret != null && secretFile != null) {
      throw new IllegalArgumentException("--secret or --secret-file, not both");
    }
    if (secretFile != null) {
      String first = Files.readString(secretFile, StandardCharsets.UTF_8).lines().findFirst()
          .orElse("");
      if (first.isEmpty()) {
        throw new IllegalArgumentException("the secret file's first line is empty");
      }
      return first.toCharArray();
    }
    return secret == null ? null : secret.toCharArray();
  }
}
