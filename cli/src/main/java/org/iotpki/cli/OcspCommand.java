// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki ocsp}: online revocation checking (RFC 6960). */
@Command(
    name = "ocsp",
    mixinStandardHelpOptions = true,
    description = "Online revocation checking with OCSP (RFC 6960), with an explicit failure policy.",
    subcommands = {OcspCheckCommand.class})
final class OcspCommand extends CommandGroup {}
