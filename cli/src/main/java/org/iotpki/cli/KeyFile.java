// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.io.PkiReader;

/** An existing key for an enrollment, from a private key file (PEM or DER). */
final class KeyFile {
  private KeyFile() {}

  /** The key pair of the file's private key (its public key derived), to sign and decrypt. */
  static EnrollmentKey.Existing read(Path file) throws IOException, PkiParseException {
    return EnrollmentKey.Existing.of(
        KeyPairs.fromPrivateKey(PkiReader.defaults().readPrivateKey(file)));
  }
}
