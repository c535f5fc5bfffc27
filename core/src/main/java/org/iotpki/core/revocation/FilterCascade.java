// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The Bloom filter cascade of CRLite (Larisch et al., IEEE S&amp;P 2017): exact over the issued set.
 *
 * <p>Level 1 holds the revoked serials R; level 2 holds the serials of S \ R that level 1 wrongly
 * matches; level 3 the serials of R that level 2 matches; and so on, each level holding the false
 * positives of the one before among the set that level was built to exclude, until a level has
 * none. A serial's answer is decided by the first level that does not match it; one that matches
 * every level is a member of the last level's set.
 */
final class FilterCascade {
  /**
   * Levels in the encoding's one byte. A cascade halves its sets every two levels, so it needs
   * about 2 log2 |R| levels: 22 for 10,000 revoked serials, about 62 for two billion.
   */
  private static final int MAX_LEVELS = 255;
  /** New seeds tried for a level before the serials are declared inseparable. */
  private static final int MAX_ATTEMPTS = 64;
  /** The smallest level-1 false-positive rate used: 2^-20, 20 hashes. */
  private static final double MIN_FIRST_RATE = 0x1p-20;
  /** Deeper levels at rate 1/2, as CRLite: one hash, 1.44 bits per serial. */
  private static final double DEEPER_RATE = 0.5;

  private final List<BloomLevel> levels;

  FilterCascade(List<BloomLevel> levels) {
    this.levels = List.copyOf(levels);
  }

  /**
   * Builds the cascade of {@code sets}. Deterministic: the same sets give the same levels.
   *
   * @throws IllegalStateException if some level makes no progress under {@link #MAX_ATTEMPTS}
   *     seeds or the cascade needs more than {@link #MAX_LEVELS} levels (only with a broken hash)
   */
  static FilterCascade build(SerialSets sets) {
    List<byte[]> include = new ArrayList<>(sets.revoked().size());
    List<byte[]> exclude = new ArrayList<>(sets.issued().size() - sets.revoked().size());
    for (BigInteger serial : sets.issued()) {
      (sets.revoked().contains(serial) ? include : exclude).add(Serials.magnitude(serial));
    }
    double rate = firstRate(sets.revoked().size(), sets.issued().size());
    List<BloomLevel> levels = new ArrayList<>();
    while (!include.isEmpty()) {
      if (levels.size() == MAX_LEVELS) {
        throw new IllegalStateException("the revocation filter did not converge in " + MAX_LEVELS + " levels");
      }
      Level next = level(levels.size(), include, exclude, rate);
      levels.add(next.filter());
      exclude = include;
      include = next.falsePositives();
      rate = DEEPER_RATE;
    }
    return new FilterCascade(levels);
  }

  /**
   * CRLite's level-1 rate, |R| sqrt(1/2) / |S|, which minimizes the total size when deeper levels
   * use 1/2; clamped to [2^-20, 1/2] for the extremes (one revoked in a billion, all revoked).
   */
  private static double firstRate(int revoked, int issued) {
    double rate = revoked * Math.sqrt(DEEPER_RATE) / issued;
    return Math.max(MIN_FIRST_RATE, Math.min(DEEPER_RATE, rate));
  }

  private record Level(BloomLevel filter, List<byte[]> falsePositives) {}

  /**
   * Level {@code index} over {@code include}, with a new seed until it wrongly matches fewer than
   * all of {@code exclude}: strict progress, so the sets shrink and the cascade ends.
   */
  private static Level level(int index, List<byte[]> include, List<byte[]> exclude, double rate) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      BloomLevel filter = BloomLevel.of(include, rate, attempt << 8 | index);
      List<byte[]> falsePositives = new ArrayList<>();
      for (byte[] serial : exclude) {
        if (filter.mightContain(serial)) {
          falsePositives.add(serial);
        }
      }
      if (exclude.isEmpty() || falsePositives.size() < exclude.size()) {
        return new Level(filter, falsePositives);
      }
    }
    throw new IllegalStateException(
        "revocation filter level " + (index + 1) + " cannot separate its serials under " + MAX_ATTEMPTS + " seeds");
  }

  /** Whether a serial of the issued set, given by its magnitude, is revoked. */
  boolean isRevoked(byte[] magnitude) {
    for (int i = 0; i < levels.size(); i++) {
      if (!levels.get(i).mightContain(magnitude)) {
        // Not in level 1: not revoked. Not in level 2 (but in 1): revoked. And so on, alternating.
        return i % 2 == 1;
      }
    }
    // In every level, so in the last level's set: revoked serials at odd levels (1, 3, ...).
    return levels.size() % 2 == 1;
  }

  List<BloomLevel> levels() {
    return levels;
  }
}
