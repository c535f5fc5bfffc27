// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotpki.core.c509.C509Certificate;
import org.iotpki.core.c509.C509FormatException;

/** Reading and size arithmetic shared by the c509 commands. */
final class C509Cli {
  private C509Cli() {}

  /** How much smaller C509 is than DER, in whole percent. */
  static long savedPercent(int derBytes, int c509Bytes) {
    return Math.round(100.0 * (derBytes - c509Bytes) / derBytes);
  }

  /** The bytes of a file that should hold a C509 certificate, read no further than the C509 limit. */
  static byte[] read(Path file) throws IOException, C509FormatException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(C509Certificate.MAX_ENCODED_BYTES + 1);
      if (bytes.length > C509Certificate.MAX_ENCODED_BYTES) {
        throw new C509FormatException(file + " exceeds the C509 limit of " + C509Certificate.MAX_ENCODED_BYTES + " bytes");
      }
      return bytes;
    }
  }
}
