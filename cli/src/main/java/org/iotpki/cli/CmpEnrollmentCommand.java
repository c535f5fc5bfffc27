// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Mixin;

/** A CMP enrollment command: the server options, and how to poll a pending request. */
abstract class CmpEnrollmentCommand extends EnrollmentCommand {
  @Mixin CmpServerOptions server;

  /** How to poll a pending request of this command; STATE stands for the state file. */
  String pollCommand() {
    return "iotpki cmp poll --state STATE --out " + out
        + (server.cert == null ? "" : " --cert " + server.cert + " --cert-key " + server.certKey)
        + (server.trust == null ? "" : " --trust " + server.trust);
  }
}
