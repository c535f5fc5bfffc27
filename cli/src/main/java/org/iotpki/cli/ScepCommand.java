// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki scep}: day-zero enrollment over SCEP (RFC 8894). */
@Command(
    name = "scep",
    mixinStandardHelpOptions = true,
    description = {
      "Enroll and renew over SCEP (RFC 8894), the factory line's day-zero protocol.",
      "Exit 0 issued, 1 rejected (reason: the failInfo, e.g. badRequest, or the HTTP status),",
      "2 usage, input or transport error (failure: CONNECT, TIMEOUT, MALFORMED_RESPONSE, ...),",
      "3 pending (the JSON names the state file to poll with)."
    },
    subcommands = {
      ScepCacapsCommand.class,
      ScepCacertCommand.class,
      ScepEnrollCommand.class,
      ScepRenewCommand.class,
      ScepPollCommand.class,
      ScepCrlCommand.class
    })
final class ScepCommand extends CommandGroup {}
