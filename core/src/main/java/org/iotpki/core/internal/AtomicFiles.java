// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * Durable file replacement: a reader sees the old content or the new content, never a mix, even
 * after a power cut. Write a temporary file, fsync it, rename it over the target, fsync the
 * directory (without the last step the rename itself may not survive the power cut).
 *
 * <p>Files are created readable by their owner only where the file system has POSIX permissions:
 * they hold private keys.
 */
public final class AtomicFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private AtomicFiles() {}

  /** Replaces (or creates) {@code target} with {@code content}, durably and atomically. */
  public static void write(Path target, byte[] content) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(temporary); // left by a crash during an earlier write
    try (FileChannel channel = FileChannel.open(temporary,
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnlyFile())) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /** Deletes {@code file} if it exists, durably. */
  public static void delete(Path file) throws IOException {
    if (Files.deleteIfExists(file)) {
      syncDirectory(file.toAbsolutePath().getParent());
    }
  }

  /** Creates {@code directory} (owner-only where POSIX) and its parents if missing. */
  public static void createDirectories(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory, ownerOnlyDirectory());
    }
  }

  /** Makes the directory's entries (creations, renames, deletions) durable. */
  public static void syncDirectory(Path directory) throws IOException {
    if (!POSIX) {
      return; // Windows cannot open a directory as a channel; NTFS journals renames itself
    }
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static FileAttribute<?>[] ownerOnlyFile() {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
  }

  private static FileAttribute<?>[] ownerOnlyDirectory() {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
        : new FileAttribute<?>[0];
  }
}
