// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import org.iotpki.acme.AcmeAccountKey;
import org.iotpki.acme.AcmeEnrollmentClient;
import org.iotpki.acme.Http01Responder;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Option;

/** How to reach an ACME CA and as which account. */
final class AcmeServerOptions {
  @Option(names = "--directory", required = true, paramLabel = "URL",
      description = "The CA's ACME directory, e.g. https://acme.example/directory.")
  URI directory;

  @Option(names = "--trust", paramLabel = "FILE",
      description = "The CA certificate(s) the directory's TLS certificate must chain to"
          + " (default: the JDK's CA certificates).")
  Path trust;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      converter = NumberConverter.class,
      description = "How long validation and issuance may take (default: ${DEFAULT-VALUE} s).")
  long timeoutSeconds;

  /** A client for the directory with these options, as the account of {@code accountKey}. */
  AcmeEnrollmentClient.Builder client(KeyPair accountKey) throws IOException, PkiParseException {
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("--timeout must be at least 1 second");
    }
    AcmeEnrollmentClient.Builder builder = AcmeEnrollmentClient.builder(directory)
        .accountKey(accountKey).agreeToTermsOfService()
        .timeout(Duration.ofSeconds(timeoutSeconds));
    return trust == null ? builder.trustSystemCertificates()
        : builder.trustAnchors(PkiReader.defaults().readCertificates(trust));
  }

  /** A client whose account key is never registered: for requests no account authorizes. */
  AcmeEnrollmentClient.Builder accountless() throws IOException, PkiParseException {
    return client(KeyPairs.generate(KeyAlgorithm.EC_P256));
  }

  /** The --trust option as a command line fragment, for the resume command. */
  String trustOption() {
    return trust == null ? "" : " --trust " + trust;
  }

  /** The account key, in {@code --account FILE} or {@code DIR/account-key.pem}, made if new. */
  static KeyPair accountKey(Path account) throws IOException, PkiParseException {
    return AcmeAccountKey.loadOrCreate(account);
  }

  /** The http-01 responder on all interfaces at {@code port}. */
  static Http01Responder http01(long port) throws IOException {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--http-port is a TCP port, not " + port);
    }
    return Http01Responder.start(new InetSocketAddress((int) port));
  }

  /** The HMAC key of --eab-hmac: base64url, as CAs hand it out. */
  static byte[] hmacKey(String base64Url) {
    try {
      return Base64.getUrlDecoder().decode(base64Url.strip().getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--eab-hmac is base64url: " + e.getMessage());
    }
  }
}
