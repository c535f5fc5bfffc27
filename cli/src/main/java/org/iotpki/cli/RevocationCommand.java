// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki revocation}: compact revocation filters for hubs. */
@Command(
    name = "revocation",
    mixinStandardHelpOptions = true,
    description = {
      "Compact revocation for hubs: a Bloom filter cascade (CRLite) exact over every issued serial,",
      "about 2 bytes per revoked certificate, and daily deltas."
    },
    subcommands = {RevocationBuildCommand.class, RevocationDeltaCommand.class, RevocationCheckCommand.class})
final class RevocationCommand extends CommandGroup {}
