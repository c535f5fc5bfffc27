package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki matter}: Matter operational certificates, TLV, and factory DAC issuance. */
@Command(
    name = "matter",
    mixinStandardHelpOptions = true,
    description = "Matter: operational certificates (TLV and DER), Matter TLV, DAC production runs.",
    subcommands = {MatterCertCommand.class, MatterTlvCommand.class, MatterBatchCommand.class})
final class MatterCommand extends CommandGroup {}
