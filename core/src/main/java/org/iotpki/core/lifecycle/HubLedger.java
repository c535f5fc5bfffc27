// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.internal.AtomicFiles;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;

/**
 * What a {@link HubRenewal} must not forget across restarts, per child: the CA's pending answer
 * ({@code <id>.pending}) or the chain issued and not yet installed ({@code <id>.issued.pem}),
 * each file written atomically (temporary file, fsync, rename, fsync the directory).
 */
final class HubLedger {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int MAX_CHAIN_BYTES = 64 * 1024;

  private final Path directory;

  HubLedger(Path directory) throws IOException {
    AtomicFiles.createDirectories(directory);
    this.directory = directory;
  }

  static String requireId(String id) {
    if (id == null || !ID.matcher(id).matches() || id.startsWith(".")) {
      throw new IllegalArgumentException("a child id is 1 to 64 letters, digits, '.', '_' or '-',"
          + " not starting with '.': " + id);
    }
    return id;
  }

  Optional<PendingEnrollment> pending(String id) throws IOException {
    Path file = pendingFile(id);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (Files.size(file) > PendingEnrollment.MAX_ENCODED_BYTES) {
      throw new IOException(file + " is too large to be a pending enrollment");
    }
    try {
      return Optional.of(PendingEnrollment.decode(Files.readAllBytes(file)));
    } catch (PkiParseException e) {
      throw new IOException(file + " is damaged: " + e.getMessage(), e);
    }
  }

  Optional<List<X509Certificate>> issued(String id) throws IOException {
    Path file = issuedFile(id);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (Files.size(file) > MAX_CHAIN_BYTES) {
      throw new IOException(file + " is too large to be a certificate chain");
    }
    try {
      return Optional.of(PkiReader.defaults().readCertificates(file));
    } catch (PkiParseException e) {
      throw new IOException(file + " is damaged: " + e.getMessage(), e);
    }
  }

  void recordPending(String id, PendingEnrollment pending) throws IOException {
    AtomicFiles.write(pendingFile(id), pending.encode());
  }

  /** Keeps the chain to install; the pending answer it ends is forgotten after it is written. */
  void recordIssued(String id, List<X509Certificate> chain) throws IOException {
    AtomicFiles.write(issuedFile(id),
        PemEncoder.certificates(chain).getBytes(StandardCharsets.US_ASCII));
    AtomicFiles.delete(pendingFile(id));
  }

  void clear(String id) throws IOException {
    AtomicFiles.delete(pendingFile(id));
    AtomicFiles.delete(issuedFile(id));
  }

  private Path pendingFile(String id) {
    return directory.resolve(requireId(id) + ".pending");
  }

  private Path issuedFile(String id) {
    return directory.resolve(requireId(id) + ".issued.pem");
  }

  @Override
  public String toString() {
    return directory.toString();
  }
}
