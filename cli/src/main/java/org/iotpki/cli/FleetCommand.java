// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki fleet}: renewal planning for fleets of devices. */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = "Simulate and plan the certificate renewals of a fleet of devices.",
    subcommands = {FleetSimulateCommand.class, FleetPlanCommand.class})
final class FleetCommand extends CommandGroup {}
