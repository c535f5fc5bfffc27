// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki matter cd sign}. */
@Command(
    name = "cd",
    mixinStandardHelpOptions = true,
    description = "Certification Declarations: sign test and development CDs.",
    subcommands = MatterCdSignCommand.class)
final class MatterCdCommand extends CommandGroup {}
