// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.Console;
import java.nio.file.Path;
import org.iotpki.core.keys.PinSource;
import picocli.CommandLine.Option;

/**
 * {@code --pin-env VAR | --pin-file FILE}: where a PKCS#11 token's user PIN comes from, else a
 * prompt on the terminal that does not echo. The PIN is never printed nor logged.
 */
final class TokenPinOptions {
  @Option(names = "--pin-env", paramLabel = "VAR", description = "Read the token PIN from this environment variable.")
  String variable;

  @Option(names = "--pin-file", paramLabel = "FILE", description = "Read the token PIN from the first line of this file.")
  Path file;

  /**
   * The PIN source the options name, or a terminal prompt.
   *
   * @throws IllegalArgumentException if both options are given, or neither and there is no
   *     terminal to ask
   */
  PinSource pin() {
    if (variable != null && file != null) {
      throw new IllegalArgumentException("--pin-env and --pin-file exclude each other");
    }
    if (variable != null) {
      return PinSource.environment(variable);
    }
    if (file != null) {
      return PinSource.file(file);
    }
    Console console = System.console();
    if (console == null) {
      throw new IllegalArgumentException("no token PIN: give --pin-env VAR or --pin-file FILE, or run on a terminal");
    }
    return () -> console.readPassword("Token PIN: ");
  }
}
