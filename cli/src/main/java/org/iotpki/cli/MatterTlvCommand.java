// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki matter tlv}: Matter TLV. */
@Command(
    name = "tlv",
    mixinStandardHelpOptions = true,
    description = "Matter TLV (Matter Core specification, appendix A).",
    subcommands = {MatterTlvDecodeCommand.class})
final class MatterTlvCommand extends CommandGroup {}
