// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki agent}: the device's renewal agent. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = "Keep a device credential enrolled and renewed (bootstrap, renewal, restarts).",
    subcommands = {AgentRunCommand.class})
final class AgentCommand extends CommandGroup {}
