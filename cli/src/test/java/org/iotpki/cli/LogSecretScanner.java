// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the test suite's known secrets in log files: the shared secrets, challenge and EST
 * passwords and PINs the tests use, and any private key in PEM. The secrets are matched as
 * distinctive strings (a PIN only next to the word PIN), so that ordinary log text does not match.
 */
final class LogSecretScanner {
  /** What is looked for, by name: the name is reported, never the secret itself. */
  static final Map<String, Pattern> TEST_SECRETS = Map.ofEntries(
      literal("OpenSSL CMP mock server shared secret", "cmp-shared-secret"),
      literal("factory shared secret / EST password", "factory-secret"),
      literal("SCEP challenge (factory)", "factory-otp"),
      literal("SCEP challenge (fleet)", "fleet-otp"),
      literal("micromdm SCEP challenge", "micromdm-secret"),
      literal("strongSwan SCEP challenge", "swan-otp"),
      literal("strongSwan EST password", "swan-secret"),
      literal("BouncyCastle EST client password", "bc-secret"),
      literal("testkit CMP secret", "s3cret"),
      literal("hub CMP secret", "hub-secret"),
      literal("EST password", "estpwd"),
      literal("SCEP challenge", "otp-123"),
      literal("one-time secret", "one-time-secret"),
      literal("encrypted key password", "correct horse"),
      literal("encrypted key password", "battery staple"),
      literal("fuzz seed challenge", "fuzz-seed-challenge"),
      Map.entry("PKCS#11 PIN", Pattern.compile("(?i)\\bpin\\b\\W{0,3}(1234|5678)\\b")),
      Map.entry("private key in PEM", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")));

  /** A secret found: where, and which (by name). */
  record Finding(Path file, long line, String secret) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + secret;
    }
  }

  private LogSecretScanner() {}

  private static Map.Entry<String, Pattern> literal(String name, String secret) {
    return Map.entry(name + " '" + secret.charAt(0) + "...'", Pattern.compile(Pattern.quote(secret)));
  }

  /** Every line of {@code log} that holds a known secret (read as Latin-1: any bytes, ASCII secrets). */
  static List<Finding> scan(Path log) throws IOException {
    List<Finding> findings = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
      long number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        for (Map.Entry<String, Pattern> secret : TEST_SECRETS.entrySet()) {
          if (secret.getValue().matcher(line).find()) {
            findings.add(new Finding(log, number, secret.getKey()));
          }
        }
      }
    }
    return findings;
  }
}
