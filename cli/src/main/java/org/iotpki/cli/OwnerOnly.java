// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Private key files are readable by their owner only. */
final class OwnerOnly {
  private OwnerOnly() {}

  static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the directory's ACL applies.
    }
  }

  /** Creates {@code file}, owner-only from its first byte, failing if it exists. */
  static void writeNew(Path file, String text) throws IOException {
    FileAttribute<?>[] ownerOnly = file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    Files.write(Files.createFile(file, ownerOnly), text.getBytes(StandardCharsets.US_ASCII));
  }
}
