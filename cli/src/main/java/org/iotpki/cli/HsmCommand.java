// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki hsm}: keys in PKCS#11 tokens. */
@Command(
    name = "hsm",
    mixinStandardHelpOptions = true,
    description = "Keys in PKCS#11 tokens (HSMs, smart cards, SoftHSM2) through the JDK's SunPKCS11.",
    subcommands = {HsmKeygenCommand.class})
final class HsmCommand extends CommandGroup {}
