// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.est.EstClient;
import picocli.CommandLine.Option;

/** How to reach and trust an EST server: {@code --trust}, {@code --label}, {@code --timeout}. */
final class EstServerOptions {
  @Option(names = "--trust", required = true, paramLabel = "FILE",
      description = "The CA certificate(s) (PEM or DER) the server's TLS certificate must chain to.")
  Path trust;

  @Option(names = "--label", paramLabel = "LABEL",
      description = "The CA label: /.well-known/est/LABEL/ (RFC 7030 section 3.2.2).")
  String label;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      converter = NumberConverter.class,
      description = "How long each exchange may take (default: ${DEFAULT-VALUE} s).")
  long timeoutSeconds;

  @Option(names = "--no-csrattrs",
      description = "Do not ask /csrattrs before enrolling (default: ask and apply the answer).")
  boolean ignoreCsrAttributes;

  /** A client for {@code server} with these options. */
  EstClient client(URI server) throws IOException, PkiParseException {
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("--timeout must be at least 1 second");
    }
    EstClient.Builder builder = EstClient.builder(server)
        .trustAnchors(PkiReader.defaults().readCertificates(trust))
        .timeout(Duration.ofSeconds(timeoutSeconds));
    if (label != null) {
      builder.label(label);
    }
    if (ignoreCsrAttributes) {
      builder.ignoreCsrAttributes();
    }
    return builder.build();
  }
}
