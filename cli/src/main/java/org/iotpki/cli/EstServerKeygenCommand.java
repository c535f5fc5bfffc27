// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import org.iotpki.core.enroll.EnrollmentKey;
import picocli.CommandLine.Command;

/** {@code iotpki est serverkeygen --url URL --trust F --subject DN [--username U --password P] --out DIR}. */
@Command(
    name = "serverkeygen",
    mixinStandardHelpOptions = true,
    description = {
      "Enroll with a key the server generates (/serverkeygen): DIR gets the key it returns",
      "(key.pem, owner-only), cert.pem and chain.pem. --key-type names the type to ask for.",
      "Exit 0 issued, 1 rejected, 2 usage, input or transport error, 3 pending."
    })
final class EstServerKeygenCommand extends EstEnrollCommand {
  @Override
  EnrollmentKey enrollmentKey() {
    if (key != null) {
      throw new IllegalArgumentException("the server generates the key: no --key");
    }
    return new EnrollmentKey.ServerGenerated(keyType);
  }
}
