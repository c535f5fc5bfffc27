// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.internal.AtomicFiles;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiObject;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.keys.TokenKey;
import org.iotpki.core.keys.TokenKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CredentialStore} in a directory: one PEM file per credential (PKCS#8 key, then the
 * chain) or in-flight key, numbered by generation and never rewritten, and one small state file
 * naming which generation is current, staged, previous and in flight.
 *
 * <p>A change writes any new file first (to a temporary file, fsync, rename, fsync the
 * directory), then replaces the state file the same way: that rename is the one instant the
 * store switches, so a power cut leaves the old state or the new one, each with all its files.
 * Files no state refers to (left by a crash between the two steps) are deleted when the store is
 * opened. The directory and files are readable by their owner only (on POSIX file systems); the
 * keys are not encrypted, so the directory must be as private as the device's key storage.
 *
 * <p>With {@link #openWithTokenKeys} the keys live in a PKCS#11 token instead (its {@code
 * KeyStore}), made there and never exported: generation {@code n}'s key is labelled {@code
 * <prefix>-<n>}, and the directory keeps the state and the certificate chains. Token keys are
 * made before the state names them and destroyed after it stops naming them, so the state file's
 * rename stays the one instant of a change; keys with the prefix that no state names (a crash
 * between the steps) are destroyed when the store is opened.
 *
 * <p>One process at a time: {@link #open} takes a lock on the directory and {@link #close}
 * releases it.
 */
public final class FileCredentialStore implements CredentialStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileCredentialStore.class);
  private static final String STATE_FILE = "store.state";
  private static final String LOCK_FILE = "store.lock";
  private static final Pattern GENERATION_FILE =
      Pattern.compile("(?:credential|key)-([1-9][0-9]{0,17})\\.pem(\\.tmp)?");
  private static final PkiReader READER = PkiReader.defaults();

  private final Path directory;
  private final Optional<TokenGenerations> token;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private StoreState state;

  private FileCredentialStore(Path directory, Optional<TokenGenerations> token,
      FileChannel lockChannel, FileLock lock, StoreState state) {
    this.directory = directory;
    this.token = token;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.state = state;
  }

  /**
   * Opens the store in {@code directory}, creating the directory if needed, and deletes files
   * left behind by an interrupted change.
   *
   * @throws IOException if the directory cannot be used, another process has the store open, or
   *     its state file is corrupt
   */
  public static FileCredentialStore open(Path directory) throws IOException {
    return open(directory, Optional.empty());
  }

  /**
   * Opens the store in {@code directory} with its keys in {@code token}, labelled {@code
   * labelPrefix-<generation>}, and destroys the keys and deletes the files left behind by an
   * interrupted change. The prefix must be this store's alone: every key on the token whose
   * label is the prefix, a dash and a number belongs to the store.
   *
   * <p>Enrollment clients sign with the keys through the token's provider. TLS client
   * authentication with a token key (EST renewal) also needs that provider installed in the JVM
   * by the application, see {@link TokenKeys}.
   *
   * @throws IllegalArgumentException if {@code labelPrefix} is empty or contains characters other
   *     than letters, digits, '.', '_' and '-'
   * @throws IOException if the directory or the token cannot be used, another process has the
   *     store open, or its state file is corrupt
   */
  public static FileCredentialStore openWithTokenKeys(
      Path directory, TokenKeys token, String labelPrefix) throws IOException {
    return open(directory, Optional.of(new TokenGenerations(token, labelPrefix)));
  }

  private static FileCredentialStore open(Path directory, Optional<TokenGenerations> token)
      throws IOException {
    AtomicFiles.createDirectories(directory);
    FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = tryLock(channel, directory);
      FileCredentialStore store =
          new FileCredentialStore(directory, token, channel, lock, readState(directory));
      store.deleteUnreferencedFiles();
      return store;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The directory of this store. */
  public Path directory() {
    return directory;
  }

  @Override
  public synchronized Optional<Credential> current() throws IOException {
    return credential(state.current());
  }

  @Override
  public synchronized Optional<Credential> staged() throws IOException {
    return credential(state.staged());
  }

  @Override
  public synchronized Optional<Credential> previous() throws IOException {
    return credential(state.previous());
  }

  @Override
  public synchronized Optional<InFlightEnrollment> inFlight() throws IOException {
    if (state.inFlightKey().isEmpty()) {
      return Optional.empty();
    }
    long generation = state.inFlightKey().getAsLong();
    if (token.isPresent()) {
      TokenKey key = token.get().key(generation);
      return Optional.of(new InFlightEnrollment(
          new KeyPair(key.certificate().getPublicKey(), key.privateKey()),
          token.get().providers(), state.pending()));
    }
    Path file = keyFile(generation);
    PrivateKey key = privateKey(read(file), file);
    return Optional.of(new InFlightEnrollment(
        KeyPairs.fromPrivateKey(key), ProviderStrategy.defaults(), state.pending()));
  }

  @Override
  public synchronized InFlightEnrollment begin(KeyAlgorithm algorithm) throws IOException {
    if (token.isEmpty()) {
      return CredentialStore.super.begin(algorithm);
    }
    requireNoneInFlight();
    long generation = state.nextGeneration();
    token.get().generate(generation, algorithm); // before the state names it: a crash leaves an orphan
    commit(state.withInFlight(OptionalLong.of(generation), Optional.empty())
        .withNextGeneration(generation + 1));
    return inFlight().orElseThrow();
  }

  @Override
  public synchronized void begin(PrivateKey key) throws IOException {
    if (token.isPresent()) {
      throw new IllegalArgumentException("this store keeps only keys it made in " + token.get()
          + "; begin with a key algorithm instead of a key");
    }
    requireNoneInFlight();
    long generation = state.nextGeneration();
    AtomicFiles.write(keyFile(generation), PemEncoder.privateKey(exportable(key))
        .getBytes(StandardCharsets.US_ASCII));
    commit(state.withInFlight(OptionalLong.of(generation), Optional.empty())
        .withNextGeneration(generation + 1));
  }

  @Override
  public synchronized void pending(PendingEnrollment pending) throws IOException {
    if (state.inFlightKey().isEmpty()) {
      throw new IllegalStateException("no enrollment in flight: begin one before it can pend");
    }
    commit(state.withInFlight(state.inFlightKey(), Optional.of(pending)));
  }

  @Override
  public synchronized void abandon() throws IOException {
    commit(state.withInFlight(OptionalLong.empty(), Optional.empty()));
  }

  @Override
  public synchronized void stage(Credential next) throws IOException {
    if (token.isPresent()) {
      stageTokenCredential(next);
      return;
    }
    long generation = state.nextGeneration();
    String pem = PemEncoder.privateKey(exportable(next.privateKey()))
        + PemEncoder.certificates(next.chain());
    AtomicFiles.write(credentialFile(generation), pem.getBytes(StandardCharsets.US_ASCII));
    commit(state.withStaged(OptionalLong.of(generation))
        .withInFlight(OptionalLong.empty(), Optional.empty())
        .withNextGeneration(generation + 1));
  }

  @Override
  public synchronized void activate() throws IOException {
    if (state.staged().isEmpty()) {
      throw new IllegalStateException("nothing staged to activate");
    }
    commit(state.withCurrent(state.staged())
        .withPrevious(state.current().isPresent() ? state.current() : state.previous())
        .withStaged(OptionalLong.empty()));
  }

  @Override
  public synchronized void confirm() throws IOException {
    if (state.previous().isPresent()) {
      commit(state.withPrevious(OptionalLong.empty()));
    }
  }

  @Override
  public synchronized void rollback() throws IOException {
    if (state.previous().isEmpty()) {
      throw new IllegalStateException("no previous credential to roll back to");
    }
    commit(state.withCurrent(state.previous()).withPrevious(OptionalLong.empty()));
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }

  @Override
  public String toString() {
    return "FileCredentialStore[" + directory + token.map(t -> ", keys in " + t).orElse("") + "]";
  }

  /**
   * A token credential keeps the generation of its in-flight key, whose label names it, and
   * writes only its chain.
   */
  private void stageTokenCredential(Credential next) throws IOException {
    OptionalLong generation = state.inFlightKey();
    if (generation.isEmpty() || !Arrays.equals(next.certificate().getPublicKey().getEncoded(),
        token.get().key(generation.getAsLong()).certificate().getPublicKey().getEncoded())) {
      throw new IllegalArgumentException("a store with its keys in " + token.get() + " stages"
          + " only a credential for the key of the enrollment in flight");
    }
    AtomicFiles.write(credentialFile(generation.getAsLong()),
        PemEncoder.certificates(next.chain()).getBytes(StandardCharsets.US_ASCII));
    commit(state.withStaged(generation).withInFlight(OptionalLong.empty(), Optional.empty()));
  }

  private void requireNoneInFlight() {
    if (state.inFlightKey().isPresent()) {
      throw new IllegalStateException(
          "an enrollment is already in flight; finish or abandon it before beginning another");
    }
  }

  /** Writes the new state (the switch), then deletes the files only the old state referred to. */
  private void commit(StoreState next) throws IOException {
    try {
      AtomicFiles.write(directory.resolve(STATE_FILE), next.encode());
    } catch (IOException e) {
      state = readState(directory); // the rename may or may not have happened
      throw e;
    }
    state = next;
    deleteUnreferencedFiles();
  }

  private void deleteUnreferencedFiles() throws IOException {
    List<Path> unreferenced = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        Matcher name = GENERATION_FILE.matcher(file.getFileName().toString());
        if (name.matches()
            && (name.group(2) != null || !state.references(Long.parseLong(name.group(1))))) {
          unreferenced.add(file);
        }
      }
    }
    for (Path file : unreferenced) {
      LOG.debug("deleting {}, which the credential store no longer refers to", file);
      AtomicFiles.delete(file);
    }
    if (token.isPresent()) {
      token.get().destroyUnreferenced(state);
    }
  }

  private Optional<Credential> credential(OptionalLong generation) throws IOException {
    if (generation.isEmpty()) {
      return Optional.empty();
    }
    Path file = credentialFile(generation.getAsLong());
    List<PkiObject> objects = read(file);
    List<X509Certificate> chain = new ArrayList<>();
    for (PkiObject object : objects) {
      if (object instanceof PkiObject.CertificateObject certificate) {
        chain.add(certificate.certificate());
      }
    }
    if (chain.isEmpty()) {
      throw new IOException(file + " holds no certificate: the credential store is damaged");
    }
    if (token.isPresent()) {
      TokenKey key = token.get().key(generation.getAsLong());
      if (!Arrays.equals(key.certificate().getPublicKey().getEncoded(),
          chain.get(0).getPublicKey().getEncoded())) {
        throw new IOException(file + ": the key " + key.label() + " does not match the certificate");
      }
      return Optional.of(new Credential(key.privateKey(), chain, token.get().providers()));
    }
    PrivateKey key = privateKey(objects, file);
    requireMatch(key, chain.get(0), file);
    return Optional.of(new Credential(key, chain));
  }

  private static List<PkiObject> read(Path file) throws IOException {
    try {
      return READER.read(file);
    } catch (NoSuchFileException e) {
      throw new IOException(file + " is missing: the credential store was changed by hand", e);
    } catch (PkiParseException e) {
      throw new IOException(file + " is damaged: " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(List<PkiObject> objects, Path file) throws IOException {
    return objects.stream()
        .filter(PkiObject.PrivateKeyObject.class::isInstance)
        .map(o -> ((PkiObject.PrivateKeyObject) o).key())
        .findFirst()
        .orElseThrow(() -> new IOException(file + " holds no private key: the store is damaged"));
  }

  private static void requireMatch(PrivateKey key, X509Certificate certificate, Path file)
      throws IOException {
    byte[] derived;
    try {
      derived = KeyPairs.fromPrivateKey(key).getPublic().getEncoded();
    } catch (IllegalArgumentException e) {
      return; // a key type whose public key cannot be derived: nothing to compare
    }
    if (!Arrays.equals(derived, certificate.getPublicKey().getEncoded())) {
      throw new IOException(file + ": the private key does not match the certificate");
    }
  }

  private static PrivateKey exportable(PrivateKey key) {
    if (key.getEncoded() == null) {
      throw new IllegalArgumentException("a " + key.getAlgorithm() + " key that cannot be"
          + " exported (a token key) cannot be kept in files; use a store over its token");
    }
    return key;
  }

  private Path credentialFile(long generation) {
    return directory.resolve("credential-" + generation + ".pem");
  }

  private Path keyFile(long generation) {
    return directory.resolve("key-" + generation + ".pem");
  }

  private static StoreState readState(Path directory) throws IOException {
    Path file = directory.resolve(STATE_FILE);
    if (!Files.exists(file)) {
      return StoreState.empty();
    }
    if (Files.size(file) > StoreState.MAX_ENCODED_BYTES) {
      throw new IOException(file + " is too large to be a credential store state");
    }
    try {
      return StoreState.decode(Files.readAllBytes(file));
    } catch (PkiParseException e) {
      throw new IOException(file + " is damaged: " + e.getMessage(), e);
    }
  }

  private static FileLock tryLock(FileChannel channel, Path directory) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IOException("the credential store " + directory + " is already open (here or in another process)");
    }
    return lock;
  }
}
