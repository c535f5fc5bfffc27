// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A fast 64-bit hash of a serial's magnitude bytes: MurmurHash3's x64 block mixing and
 * finalizer on one lane.
 *
 * <p>Not cryptographic, and it need not be: the issuer chooses the serials (RFC 5280 asks for
 * unpredictable ones), so nobody can pick inputs to collide, and the filter is exact over the
 * issued set by construction whatever the hash does. The seed differs per level (and per retry),
 * which is what lets the cascade separate any two different serials eventually.
 */
final class SerialHash {
  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private SerialHash() {}

  /** The hash of {@code bytes} under {@code seed}. */
  static long hash(byte[] bytes, int seed) {
    long h = finish(seed & 0xffffffffL);
    int i = 0;
    for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
      h ^= scramble((long) LITTLE_ENDIAN_LONG.get(bytes, i));
      h = Long.rotateLeft(h, 27) * 5 + 0x52dce729;
    }
    long tail = 0;
    for (int shift = 0; i < bytes.length; i++, shift += 8) {
      tail |= (bytes[i] & 0xffL) << shift;
    }
    h ^= scramble(tail) ^ bytes.length;
    return finish(h);
  }

  /** A second hash derived from the first, for double hashing. */
  static long rehash(long hash) {
    return finish(hash ^ 0x9e3779b97f4a7c15L);
  }

  private static long scramble(long block) {
    return Long.rotateLeft(block * C1, 31) * C2;
  }

  /** MurmurHash3's fmix64: every input bit affects every output bit. */
  private static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
