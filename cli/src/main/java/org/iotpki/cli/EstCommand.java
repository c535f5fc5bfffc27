// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki est}: enrollment over EST (RFC 7030, RFC 8951). */
@Command(
    name = "est",
    mixinStandardHelpOptions = true,
    description = {
      "Enroll, re-enroll and fetch CA certificates over EST (RFC 7030, RFC 8951).",
      "Exit 0 issued, 1 rejected by the server (reason: its HTTP status), 2 usage, input or",
      "transport error (failure: CONNECT, TLS, TIMEOUT, ...), 3 pending (the JSON names the state",
      "file to resume with)."
    },
    subcommands = {
      EstCacertsCommand.class,
      EstEnrollCommand.class,
      EstReenrollCommand.class,
      EstServerKeygenCommand.class,
      EstResumeCommand.class
    })
final class EstCommand extends CommandGroup {}
