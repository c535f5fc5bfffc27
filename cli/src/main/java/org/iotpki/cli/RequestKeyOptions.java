// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentKey;
import picocli.CommandLine.Option;

/** {@code --key F | --key-type ALG}: the key a certificate is requested for. */
final class RequestKeyOptions {
  @Option(names = "--key", paramLabel = "FILE",
      description = "The existing key to certify (PEM or DER); only signed with, never sent.")
  Path key;

  @Option(names = "--key-type", paramLabel = "ALG", defaultValue = "EC P-256",
      converter = KeyAlgorithmConverter.class,
      description = "The type of a generated key (default: ${DEFAULT-VALUE}).")
  KeyAlgorithm keyType;

  /** The key of --key, else a new key of --key-type. */
  EnrollmentKey enrollmentKey() throws IOException, PkiParseException {
    return key == null ? new EnrollmentKey.Generate(keyType) : KeyFile.read(key);
  }
}
