// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** An ACME order command: the CA options, the account, the responder, how to poll. */
abstract class AcmeEnrollmentCommand extends EnrollmentCommand {
  @Mixin AcmeServerOptions server;

  @Option(names = "--account", paramLabel = "FILE",
      description = "The account key (PEM), made there if missing (default: DIR/account-key.pem).")
  Path account;

  @Option(names = "--http-port", paramLabel = "N", defaultValue = "80",
      converter = NumberConverter.class,
      description = "Where to answer http-01 challenges, on all interfaces (default: ${DEFAULT-VALUE}).")
  long httpPort;

  /** The account key file. */
  Path accountFile() {
    return account != null ? account : out.resolve("account-key.pem");
  }

  /** How to poll a pending order of this command; STATE stands for the state file. */
  String pollCommand() {
    return "iotpki acme poll --directory " + server.directory + " --state STATE --out " + out
        + " --account " + accountFile() + " --http-port " + httpPort + server.trustOption();
  }
}
