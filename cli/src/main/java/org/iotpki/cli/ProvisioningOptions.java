// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --cd F --operator S}: what devices are provisioned with besides their DAC, and who issued it. */
final class ProvisioningOptions {
  @Option(names = "--cd", paramLabel = "FILE", description = "A signed Certification Declaration (DER) to provision each device with.")
  Path certificationDeclaration;

  @Option(names = "--operator", paramLabel = "S", defaultValue = "iotpki-cli", description = "Operator or line id for the audit trail.")
  String operator;

  /** The CD's bytes; read before anything is issued, so an unreadable file costs no DAC. */
  Optional<byte[]> certificationDeclaration() throws IOException {
    return certificationDeclaration == null ? Optional.empty() : Optional.of(Files.readAllBytes(certificationDeclaration));
  }
}
