// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.net.URI;
import java.time.Duration;
import org.iotpki.scep.ScepClient;
import picocli.CommandLine.Option;

/** How to talk to a SCEP server: {@code --timeout}, {@code --poll-interval}. */
final class ScepServerOptions {
  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      converter = NumberConverter.class,
      description = "How long each exchange may take (default: ${DEFAULT-VALUE} s).")
  long timeoutSeconds;

  @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "60",
      converter = NumberConverter.class,
      description = "When to poll a PENDING request again (default: ${DEFAULT-VALUE} s).")
  long pollIntervalSeconds;

  /** A client for {@code server} with these options. */
  ScepClient client(URI server) {
    if (timeoutSeconds < 1 || pollIntervalSeconds < 0) {
      throw new IllegalArgumentException("--timeout must be at least 1, --poll-interval at least 0");
    }
    return ScepClient.builder(server)
        .timeout(Duration.ofSeconds(timeoutSeconds))
        .pollInterval(Duration.ofSeconds(pollIntervalSeconds))
        .build();
  }
}
