// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki c509}: CBOR-encoded certificates. */
@Command(
    name = "c509",
    mixinStandardHelpOptions = true,
    description = "C509 (CBOR-encoded) certificates, draft-ietf-cose-cbor-encoded-cert-20.",
    subcommands = {C509EncodeCommand.class, C509DecodeCommand.class, C509ShowCommand.class})
final class C509Command extends CommandGroup {}
