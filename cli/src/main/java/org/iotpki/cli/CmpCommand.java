// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki cmp}: enrollment over CMPv2 (RFC 4210/9480, Lightweight CMP profile RFC 9483). */
@Command(
    name = "cmp",
    mixinStandardHelpOptions = true,
    description = {
      "Enroll, renew, revoke and ask over CMPv2 (RFC 9480, Lightweight CMP profile RFC 9483).",
      "Exit 0 done, 1 rejected (reason: the PKIFailureInfo names, e.g. badRequest), 2 usage, input or",
      "transport error (failure: CONNECT, TIMEOUT, MALFORMED_RESPONSE, ...), 3 pending (the JSON",
      "names the state file to poll with)."
    },
    subcommands = {CmpEnrollCommand.class, CmpPollCommand.class, CmpRevokeCommand.class,
        CmpGenmCommand.class})
final class CmpCommand extends CommandGroup {}
