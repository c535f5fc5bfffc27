// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.ScepServer;
import org.iotpki.testkit.TestCa;

/**
 * A device directory for {@code iotpki agent run}: its configuration, bootstrapping through a
 * SCEP server with a challenge and renewing through an EST server of the same CA.
 */
record AgentFixture(Path directory, Path config) {
  static final String CHALLENGE = "factory-otp";

  static AgentFixture create(Path directory, ScepServer scep, EstServer est, String schedule)
      throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("est-trust.pem"),
        PemEncoder.certificate(est.trustAnchor()));
    Path config = directory.resolve("agent.properties");
    Files.writeString(config, String.join("\n",
        "store = identity",
        "subject = CN=agent-device",
        "bootstrap = scep",
        "bootstrap.url = " + scep.uri(),
        "bootstrap.challenge = " + CHALLENGE,
        "poll-interval-seconds = 0",
        "renewal = est",
        "renewal.url = " + est.uri(),
        "renewal.trust = est-trust.pem",
        "renewal.username = " + est.username(),
        "renewal.password = " + new String(est.password()),
        schedule,
        ""));
    return new AgentFixture(directory, config);
  }

  /** A SCEP server of {@code ca} with the fixture's challenge; held for approval if asked. */
  static ScepServer scep(TestCa ca, boolean manualApproval) {
    ScepServer.Builder builder = ScepServer.builder(ca).challenge(CHALLENGE.toCharArray());
    return (manualApproval ? builder.manualApproval() : builder).start();
  }

  /** A schedule line that makes every credential due for renewal at once. */
  static String alwaysDue() {
    return "renew-from = 0.000000001\nrenew-until = 0.000000002";
  }

  Path store() {
    return directory.resolve("identity");
  }

  CliRun run() {
    return CliRun.of("agent", "run", "--config", config.toString(), "--json");
  }
}
