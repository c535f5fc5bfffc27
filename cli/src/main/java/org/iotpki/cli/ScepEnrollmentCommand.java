// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Mixin;

/** A SCEP enrollment command: the server options, and how to poll a pending request. */
abstract class ScepEnrollmentCommand extends EnrollmentCommand {
  @Mixin ScepServerOptions server;

  /** How to poll a pending request of this command; STATE stands for the state file. */
  String pollCommand() {
    return "iotpki scep poll --state STATE --out " + out;
  }
}
