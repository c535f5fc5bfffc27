// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki matter issue paa|pai|dac|cd-signer}. */
@Command(
    name = "issue",
    mixinStandardHelpOptions = true,
    description = "Issue Matter attestation certificates to the Matter profile: PAA, PAI, DAC, and test CD signers.",
    subcommands = {
      MatterIssuePaaCommand.class, MatterIssuePaiCommand.class, MatterIssueDacCommand.class,
      MatterIssueCdSignerCommand.class
    })
final class MatterIssueCommand extends CommandGroup {}
