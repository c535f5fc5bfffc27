// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --reason N} of the revoke commands, and how they report a revocation. */
final class RevocationReason {
  @Option(names = "--reason", paramLabel = "N", defaultValue = "0", converter = NumberConverter.class,
      description = "The CRL reason code (default: ${DEFAULT-VALUE}, unspecified).")
  long reason;

  /**
   * The CRL reason code (RFC 5280 section 5.3.1).
   *
   * @throws IllegalArgumentException for a number RFC 5280 gives no reason (over 10, or 7)
   */
  int code() {
    if (reason < 0 || reason > 10 || reason == 7) {
      throw new IllegalArgumentException("--reason is a CRL reason code: 0 to 10, not 7");
    }
    return (int) reason;
  }

  /** Reports {@code certificate} revoked with this reason; returns the exit code. */
  int revoked(IotpkiCommand command, X509Certificate certificate) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", "revoked");
    json.put("serial", certificate.getSerialNumber().toString(16));
    json.put("reason", reason);
    command.output.result(command.out(), json,
        "revoked serial " + certificate.getSerialNumber().toString(16) + "\n");
    return ExitCode.OK;
  }
}
