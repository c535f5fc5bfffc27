// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.testing.Issuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCredentialStoreTest {
  private static Issuer ca;
  private static Credential first;
  private static Credential second;

  @TempDir Path directory;

  @BeforeAll
  static void credentials() throws Exception {
    ca = Issuer.root("CN=Store Test CA", KeyAlgorithm.EC_P256);
    first = credential(ca.leaf("CN=device, SERIALNUMBER=1"));
    second = credential(ca.leaf("CN=device, SERIALNUMBER=2"));
  }

  @Test
  void aNewStoreIsEmpty() throws IOException {
    try (var store = FileCredentialStore.open(directory.resolve("new"))) {
      assertThat(store.current()).isEmpty();
      assertThat(store.staged()).isEmpty();
      assertThat(store.previous()).isEmpty();
      assertThat(store.inFlight()).isEmpty();
    }
  }

  @Test
  void theRenewalSequenceSurvivesReopeningAtEveryStep() throws IOException {
    KeyPair inFlightKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    PendingEnrollment pending = new PendingEnrollment(
        "scep", "abc", Instant.parse("2026-11-24T10:00:00Z"), Map.of("uri", "http://ca/"));

    withStore(store -> store.begin(inFlightKey.getPrivate()));
    withStore(store -> {
      assertThat(store.inFlight()).hasValueSatisfying(f -> {
        assertThat(f.key().getEncoded()).isEqualTo(inFlightKey.getPrivate().getEncoded());
        assertThat(f.pending()).isEmpty();
      });
      store.pending(pending);
    });
    withStore(store -> {
      assertThat(store.inFlight().orElseThrow().pending()).contains(pending);
      store.stage(first);
    });
    withStore(store -> {
      assertThat(store.inFlight()).isEmpty();
      assertThat(store.current()).isEmpty();
      assertSame(store.staged().orElseThrow(), first);
      store.activate();
    });
    withStore(store -> {
      assertSame(store.current().orElseThrow(), first);
      assertThat(store.staged()).isEmpty();
      assertThat(store.previous()).isEmpty(); // nothing was replaced
      store.stage(second);
      store.activate();
    });
    withStore(store -> {
      assertSame(store.current().orElseThrow(), second);
      assertSame(store.previous().orElseThrow(), first);
      store.confirm();
    });
    withStore(store -> {
      assertSame(store.current().orElseThrow(), second);
      assertThat(store.previous()).isEmpty();
    });
    assertThat(pemFiles()).hasSize(1); // only the current credential's file is left
  }

  @Test
  void rollbackRestoresThePreviousCredentialAndDeletesTheFailedOne() throws IOException {
    withStore(store -> {
      store.stage(first);
      store.activate();
      store.stage(second);
      store.activate();
      store.rollback();
      assertSame(store.current().orElseThrow(), first);
      assertThat(store.previous()).isEmpty();
    });
    assertThat(pemFiles()).hasSize(1);
  }

  @Test
  void misuseIsAProgrammerError() throws IOException {
    withStore(store -> {
      assertThatThrownBy(store::activate).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("nothing staged");
      assertThatThrownBy(store::rollback).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> store.pending(new PendingEnrollment(
          "est", "t", Instant.EPOCH, Map.of()))).isInstanceOf(IllegalStateException.class);
      store.begin(KeyPairs.generate(KeyAlgorithm.EC_P256).getPrivate());
      assertThatThrownBy(() -> store.begin(KeyPairs.generate(KeyAlgorithm.EC_P256).getPrivate()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("already in flight");
      assertThatThrownBy(() -> store.stage(new Credential(new TokenKey(), first.chain())))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
    });
  }

  @Test
  void filesLeftByAnInterruptedChangeAreDeletedOnOpen() throws IOException {
    withStore(store -> {
      store.stage(first);
      store.activate();
    });
    Files.writeString(directory.resolve("credential-7.pem"), "written before the crash");
    Files.writeString(directory.resolve("key-8.pem.tmp"), "half written");
    Files.writeString(directory.resolve("notes.txt"), "not ours");
    withStore(store -> assertSame(store.current().orElseThrow(), first));
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("store.state", "store.lock", "credential-1.pem", "notes.txt");
    }
  }

  @Test
  void theStoreIsOpenOnceAtATime() throws IOException {
    try (var store = FileCredentialStore.open(directory)) {
      assertThatThrownBy(() -> FileCredentialStore.open(directory))
          .isInstanceOf(IOException.class).hasMessageContaining("already open");
    }
    FileCredentialStore.open(directory).close(); // released
  }

  @Test
  void keysAreReadableByTheOwnerOnly() throws IOException {
    FileCredentialStore.open(directory.resolve("new")).close();
    withStore(store -> {
      store.stage(first);
      store.begin(KeyPairs.generate(KeyAlgorithm.EC_P256).getPrivate());
    });
    for (Path file : pemFiles()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        directory.resolve("new")))).isEqualTo("rwx------");
  }

  @Test
  void aDamagedStoreIsReportedNotGuessedAt() throws IOException {
    withStore(store -> {
      store.stage(first);
      store.activate();
    });
    Path credential = directory.resolve("credential-1.pem");
    Files.writeString(credential, Files.readString(credential).replaceFirst("BEGIN CERTIFICATE",
        "BEGIN NOTHING"));
    withStore(store -> assertThatThrownBy(store::current).isInstanceOf(IOException.class)
        .hasMessageContaining("credential-1.pem"));

    Files.write(directory.resolve("store.state"),
        "iotpki-credential-store: 1\nnext=2\ncurrent=x\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> FileCredentialStore.open(directory)).isInstanceOf(IOException.class)
        .hasMessageContaining("damaged").hasMessageContaining("generation");
  }

  @Test
  void aKeyThatDoesNotMatchItsCertificateIsDamage() throws IOException {
    withStore(store -> {
      store.stage(new Credential(second.privateKey(), first.chain()));
      assertThatThrownBy(store::staged).isInstanceOf(IOException.class)
          .hasMessageContaining("does not match");
    });
  }

  private interface StoreAction {
    void run(FileCredentialStore store) throws IOException;
  }

  private void withStore(StoreAction action) throws IOException {
    try (var store = FileCredentialStore.open(directory)) {
      action.run(store);
    }
  }

  private List<Path> pemFiles() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".pem")).toList();
    }
  }

  private static void assertSame(Credential actual, Credential expected) {
    assertThat(actual.chain()).isEqualTo(expected.chain());
    assertThat(actual.privateKey().getEncoded()).isEqualTo(expected.privateKey().getEncoded());
  }

  private static Credential credential(Issuer leaf) {
    return new Credential(leaf.keyPair().getPrivate(), List.of(leaf.certificate(),
        ca.certificate()));
  }

  /** A key that stays in its token: no encoding. */
  private static final class TokenKey implements PrivateKey {
    @Override
    public String getAlgorithm() {
      return "EC";
    }

    @Override
    public String getFormat() {
      return null;
    }

    @Override
    public byte[] getEncoded() {
      return null;
    }
  }
}
