// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.Command;

/** {@code iotpki audit}: the issuance audit trail. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Verify and query an audit trail of issued certificates (read-only).",
    subcommands = {AuditVerifyCommand.class, AuditFindCommand.class})
final class AuditCommand extends CommandGroup {}
