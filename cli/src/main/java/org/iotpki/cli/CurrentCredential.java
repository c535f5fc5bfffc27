// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Option;

/** The credential being renewed: {@code --cert F --key F}. */
final class CurrentCredential {
  @Option(names = "--cert", paramLabel = "FILE",
      description = "The current certificate, optionally followed by its chain (PEM or DER).")
  Path cert;

  @Option(names = "--key", paramLabel = "FILE", description = "The current private key (PEM or DER).")
  Path key;

  boolean given() {
    return cert != null || key != null;
  }

  /**
   * The credential; its key must be the certificate's.
   *
   * @throws IllegalArgumentException without both files, or for a key of another certificate
   */
  Credential read() throws IOException, PkiParseException {
    if (cert == null || key == null) {
      throw new IllegalArgumentException("--cert and --key go together");
    }
    PkiReader reader = PkiReader.defaults();
    Credential credential =
        new Credential(reader.readPrivateKey(key), reader.readCertificates(cert));
    credential.signer(); // fails here, before any request, if the key is not the certificate's
    return credential;
  }

  /** The options, for a resume command. */
  String asOptions() {
    return "--cert " + cert + " --key " + key;
  }
}
