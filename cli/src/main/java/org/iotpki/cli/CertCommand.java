// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki cert}: inspect and verify certificates. */
@Command(
    name = "cert",
    mixinStandardHelpOptions = true,
    description = "Inspect and verify X.509 certificates (PEM or DER, detected).",
    subcommands = {CertShowCommand.class, CertVerifyCommand.class, CertValidateCommand.class})
final class CertCommand extends CommandGroup {}
