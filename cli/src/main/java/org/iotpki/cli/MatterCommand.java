package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki matter}: Matter operational certificates and TLV. */
@Command(
    name = "matter",
    mixinStandardHelpOptions = true,
    description = "Matter: operational certificates (TLV and DER) and Matter TLV.",
    subcommands = {MatterCertCommand.class, MatterTlvCommand.class})
final class MatterCommand extends CommandGroup {}
