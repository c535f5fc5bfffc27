// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki pqc}: post-quantum keys, certificates and size budgets. */
@Command(
    name = "pqc",
    mixinStandardHelpOptions = true,
    description = "Post-quantum (ML-DSA, composite ML-DSA) keys, certificates and size budgets.",
    subcommands = {PqcKeygenCommand.class, PqcIssueCommand.class, PqcSizeCommand.class})
final class PqcCommand extends CommandGroup {}
