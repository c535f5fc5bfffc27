// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki matter cert}: convert, show and validate operational certificates. */
@Command(
    name = "cert",
    mixinStandardHelpOptions = true,
    description = "Matter operational certificates (NOC, ICAC, RCAC) in Matter TLV or X.509 (DER or PEM), detected.",
    subcommands = {MatterCertConvertCommand.class, MatterCertShowCommand.class, MatterCertValidateCommand.class})
final class MatterCertCommand extends CommandGroup {}
