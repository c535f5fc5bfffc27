// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Mixin;

/** An EST enrollment command: the server options, and how to resume a pending enrollment. */
abstract class EstEnrollmentCommand extends EnrollmentCommand {
  @Mixin EstServerOptions server;

  /** How to resume a pending enrollment of this command; STATE stands for the state file. */
  String resumeCommand() {
    // The state holds the server's URI, label included.
    return "iotpki est resume --state STATE --trust " + server.trust + " --out " + out;
  }
}
