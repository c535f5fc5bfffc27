package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki matter}: device attestation, operational certificates, TLV, and factory DAC issuance. */
@Command(
    name = "matter",
    mixinStandardHelpOptions = true,
    description = "Matter: device attestation (verify, lint), operational certificates, Matter TLV, DAC production runs.",
    subcommands = {
      MatterVerifyCommand.class, MatterLintCommand.class, MatterCertCommand.class, MatterTlvCommand.class,
      MatterBatchCommand.class
    })
final class MatterCommand extends CommandGroup {}
