// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.testing.Issuer;

/**
 * Fuzzes opening a credential store whose files were damaged: the first input byte picks the file
 * (even: the state file, odd: the credential file it names), the rest is its content; the other
 * file is well formed (a fresh device credential). Opening the store and reading every slot may fail, but only with {@link
 * IOException} (the store's contract for a damaged directory). Jazzer reports anything else (and
 * an OutOfMemoryError) as a finding.
 *
 * <p>The seeds are a store state with every slot and an in-flight pending enrollment, and a
 * credential file (PKCS#8 key and certificate, as the store writes it). They replay in every test
 * run; {@code ./mvnw -Pfuzz verify} fuzzes from them.
 */
class FileCredentialStoreFuzzTest {
  private static final String STATE = "iotpki-credential-store: 1\nnext=2\ncurrent=1\n";
  private static final Path DIRECTORY;
  private static final byte[] CREDENTIAL;

  static {
    try {
      DIRECTORY = Files.createTempDirectory("credential-store-fuzz");
      Issuer device = Issuer.root("CN=device", KeyAlgorithm.EC_P256);
      CREDENTIAL = (PemEncoder.privateKey(device.keyPair().getPrivate())
          + PemEncoder.certificate(device.certificate())).getBytes(StandardCharsets.US_ASCII);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void open(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    byte[] content = Arrays.copyOfRange(input, 1, input.length);
    boolean fuzzState = (input[0] & 1) == 0;
    Files.write(DIRECTORY.resolve("store.state"),
        fuzzState ? content : STATE.getBytes(StandardCharsets.UTF_8));
    Files.write(DIRECTORY.resolve("credential-1.pem"), fuzzState ? CREDENTIAL : content);
    try (FileCredentialStore store = FileCredentialStore.open(DIRECTORY)) {
      store.current();
      store.staged();
      store.previous();
      store.inFlight();
    } catch (IOException expected) {
      // A damaged store is reported with the typed exception: the contract holds.
    }
  }
}
