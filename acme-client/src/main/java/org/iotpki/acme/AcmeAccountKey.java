// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.acme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.internal.AtomicFiles;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;

/**
 * An ACME account key in a file: the account is the key (RFC 8555 section 7.3), so a device keeps
 * it beside its credential and finds its account again with it.
 */
public final class AcmeAccountKey {
  private AcmeAccountKey() {}

  /**
   * The key in {@code file} (PKCS#8 PEM), or a new P-256 key written there (owner-only, atomically)
   * if there is none yet.
   *
   * @throws PkiParseException if the file holds no private key
   */
  public static KeyPair loadOrCreate(Path file) throws IOException, PkiParseException {
    if (Files.exists(file)) {
      return KeyPairs.fromPrivateKey(PkiReader.defaults().readPrivateKey(file));
    }
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    store(file, key);
    return key;
  }

  /** Writes {@code key} to {@code file} (owner-only, atomically), e.g. after a key rollover. */
  public static void store(Path file, KeyPair key) throws IOException {
    AtomicFiles.write(file,
        PemEncoder.privateKey(key.getPrivate()).getBytes(StandardCharsets.US_ASCII));
  }
}
