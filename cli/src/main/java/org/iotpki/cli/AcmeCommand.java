// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki acme}: certificates from an ACME CA (RFC 8555). */
@Command(
    name = "acme",
    mixinStandardHelpOptions = true,
    description = {
      "Enroll, revoke and ask for the renewal window over ACME (RFC 8555, RFC 9773).",
      "Exit 0 done, 1 rejected (reason: the ACME problem type, e.g.",
      "urn:ietf:params:acme:error:unauthorized), 2 usage, input or transport error (failure:",
      "CONNECT, TLS, TIMEOUT, ...), 3 pending (the JSON names the state file to poll with)."
    },
    subcommands = {AcmeEnrollCommand.class, AcmePollCommand.class, AcmeRevokeCommand.class,
        AcmeRenewalInfoCommand.class})
final class AcmeCommand extends CommandGroup {}
