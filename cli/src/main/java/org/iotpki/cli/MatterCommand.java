// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki matter}: device attestation, factory issuance, operational certificates, TLV. */
@Command(
    name = "matter",
    mixinStandardHelpOptions = true,
    description = "Matter: device attestation (verify, lint), issuance (PAA, PAI, DAC, CDs, production runs),"
        + " operational certificates, Matter TLV.",
    subcommands = {
      MatterVerifyCommand.class, MatterLintCommand.class, MatterIssueCommand.class, MatterBatchCommand.class,
      MatterCdCommand.class, MatterCertCommand.class, MatterTlvCommand.class
    })
final class MatterCommand extends CommandGroup {}
