// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.iotpki.core.PkiParseException;

/**
 * The binary format of a {@link RevocationFilter}, version 1, big-endian:
 *
 * <pre>
 * magic "IPRF" | version u8 = 1 | issued count u64 | revoked count u64 | level count u8
 * per level: seed u32 | hashes u8 (1..32) | bit count u32 (a positive multiple of 8) | bits
 * </pre>
 *
 * <p>Every field has one valid encoding, so a filter decodes to the filter that re-encodes to the
 * same bytes (and the same {@link FilterId}).
 */
final class FilterCodec {
  private static final byte[] MAGIC = {'I', 'P', 'R', 'F'};
  private static final int VERSION = 1;
  private static final int HEADER_BYTES = MAGIC.length + 1 + Long.BYTES + Long.BYTES + 1;
  private static final int LEVEL_HEADER_BYTES = Integer.BYTES + 1 + Integer.BYTES;

  private FilterCodec() {}

  static long size(FilterCascade cascade) {
    long size = HEADER_BYTES;
    for (BloomLevel level : cascade.levels()) {
      size += LEVEL_HEADER_BYTES + level.bits().length;
    }
    return size;
  }

  static byte[] encode(long issuedCount, long revokedCount, FilterCascade cascade) {
    long size = size(cascade);
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a revocation filter of " + size + " bytes does not fit a byte array");
    }
    ByteBuffer out = ByteBuffer.allocate((int) size);
    out.put(MAGIC).put((byte) VERSION).putLong(issuedCount).putLong(revokedCount);
    out.put((byte) cascade.levels().size());
    for (BloomLevel level : cascade.levels()) {
      out.putInt(level.seed()).put((byte) level.hashes()).putInt((int) level.bitCount()).put(level.bits());
    }
    return out.array();
  }

  static RevocationFilter decode(byte[] encoded) throws PkiParseException {
    Objects.requireNonNull(encoded, "encoded");
    ByteReader in = new ByteReader(encoded);
    in.expectHeader(MAGIC, VERSION, "revocation filter");
    long issued = in.u63("issued count");
    long revoked = in.u63("revoked count");
    if (revoked > issued) {
      throw in.error("revoked count " + revoked + " exceeds the issued count " + issued);
    }
    int levelCount = in.u8("level count");
    if ((revoked == 0) != (levelCount == 0)) {
      throw in.error(levelCount + " levels for " + revoked + " revoked serials (levels exactly when some are revoked)");
    }
    List<BloomLevel> levels = new ArrayList<>(levelCount);
    for (int i = 1; i <= levelCount; i++) {
      levels.add(level(in, "level " + i));
    }
    in.requireEnd("revocation filter");
    return new RevocationFilter(issued, revoked, new FilterCascade(levels));
  }

  private static BloomLevel level(ByteReader in, String name) throws PkiParseException {
    int seed = (int) in.u32(name + " seed");
    int hashes = in.u8(name + " hash count");
    if (hashes < 1 || hashes > BloomLevel.MAX_HASHES) {
      throw new PkiParseException(
          name + " has " + hashes + " hashes, not 1 to " + BloomLevel.MAX_HASHES, in.offset() - 1);
    }
    long bitCount = in.u32(name + " bit count");
    if (bitCount == 0 || bitCount % Byte.SIZE != 0) {
      throw new PkiParseException(
          name + " bit count " + bitCount + " is not a positive multiple of 8", in.offset() - Integer.BYTES);
    }
    return new BloomLevel(seed, hashes, in.bytes((int) (bitCount / Byte.SIZE), name + " bits"));
  }
}
