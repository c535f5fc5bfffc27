// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.util.List;

/**
 * One level of the cascade: a Bloom filter over serial magnitudes, with its own seed.
 *
 * <p>The k bit positions come from one 64-bit hash by double hashing (Kirsch and Mitzenmacher,
 * "Less hashing, same performance", 2006): position i is h1 + i * h2 modulo the bit count, which
 * is as good as k independent hashes for the false-positive rate. Bits are numbered from the
 * least significant bit of byte 0. Immutable once built.
 */
final class BloomLevel {
  /** More hash functions than any false-positive rate the cascade asks for needs. */
  static final int MAX_HASHES = 32;
  /** Bit counts are whole bytes (nothing to pad) and fit the format's unsigned 32 bits. */
  private static final long MAX_BITS = 0xffff_fff8L;

  private static final double LN2 = Math.log(2);

  private final int seed;
  private final int hashes;
  private final byte[] bits;

  /** A level as decoded: {@code bits} is taken, not copied. */
  BloomLevel(int seed, int hashes, byte[] bits) {
    this.seed = seed;
    this.hashes = hashes;
    this.bits = bits;
  }

  /**
   * A level holding {@code members} with the optimal bit count and number of hashes for {@code
   * falsePositiveRate}: m = n ln(1/p) / (ln 2)^2 bits (rounded up to whole bytes), k = (m / n) ln 2.
   *
   * @throws IllegalArgumentException if that needs more than {@link #MAX_BITS} bits
   */
  static BloomLevel of(List<byte[]> members, double falsePositiveRate, int seed) {
    int n = members.size();
    double optimalBits = Math.ceil(n * -Math.log(falsePositiveRate) / (LN2 * LN2));
    if (optimalBits > MAX_BITS) {
      throw new IllegalArgumentException(n + " serials need a filter level larger than " + MAX_BITS + " bits");
    }
    long bitCount = Math.max(Byte.SIZE, ((long) optimalBits + 7) & ~7L);
    int hashes = (int) Math.max(1, Math.min(MAX_HASHES, Math.round(bitCount * LN2 / n)));
    BloomLevel level = new BloomLevel(seed, hashes, new byte[(int) (bitCount / Byte.SIZE)]);
    for (byte[] member : members) {
      level.probe(member, true);
    }
    return level;
  }

  /** Whether {@code magnitude} may be a member: always for members, with the level's rate for others. */
  boolean mightContain(byte[] magnitude) {
    return probe(magnitude, false);
  }

  int seed() {
    return seed;
  }

  int hashes() {
    return hashes;
  }

  long bitCount() {
    return bits.length * (long) Byte.SIZE;
  }

  /** The bit array itself, not a copy: for the encoder, which only writes it out. */
  byte[] bits() {
    return bits;
  }

  /**
   * Visits the k positions of {@code magnitude}: sets them ({@code insert}), or answers whether
   * all are set. One walk for both, so insertion and lookup cannot disagree on the positions.
   */
  private boolean probe(byte[] magnitude, boolean insert) {
    long bitCount = bitCount();
    long hash = SerialHash.hash(magnitude, seed);
    long position = scaled(hash, bitCount);
    // A step in [1, m - 1] is never 0 modulo m, so the k positions do not all coincide.
    long step = 1 + scaled(SerialHash.rehash(hash), bitCount - 1);
    for (int i = 0; i < hashes; i++) {
      int index = (int) (position >>> 3);
      int mask = 1 << (position & 7);
      if (insert) {
        bits[index] |= (byte) mask;
      } else if ((bits[index] & mask) == 0) {
        return false;
      }
      position += step;
      if (position >= bitCount) {
        position -= bitCount;
      }
    }
    return true;
  }

  /**
   * A hash mapped onto [0, bound) by multiplying its top 32 bits (Lemire's multiply-shift,
   * "Fast random integer generation in an interval", 2019): a division costs several times more,
   * and the bound (at most {@link #MAX_BITS}) times 2^32 still fits 64 unsigned bits.
   */
  private static long scaled(long hash, long bound) {
    return ((hash >>> 32) * bound) >>> 32;
  }
}
