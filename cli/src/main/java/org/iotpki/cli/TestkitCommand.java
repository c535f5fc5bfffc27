// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki testkit}: test servers on the embedded test CA. */
@Command(
    name = "testkit",
    mixinStandardHelpOptions = true,
    description = "Test servers on the embedded test CA, for trying clients and devices (not for production).",
    subcommands = {TestkitServeCommand.class})
final class TestkitCommand extends CommandGroup {}
