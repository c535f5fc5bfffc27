// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a hub answers from: a {@link RevocationFilter} and the {@link RevocationDelta}s applied to
 * it so far, in sequence. {@link #isRevoked} is exact over the issuer's issued set as of the last
 * delta. Immutable: {@link #apply} returns a new view.
 */
public final class RevocationView {
  private final RevocationFilter base;
  private final long sequence;
  /** Each serial a delta named, with its latest answer: later deltas override earlier ones. */
  private final Map<BigInteger, Boolean> overrides;

  private RevocationView(RevocationFilter base, long sequence, Map<BigInteger, Boolean> overrides) {
    this.base = base;
    this.sequence = sequence;
    this.overrides = overrides;
  }

  /** The view of {@code base} alone, before its first delta (sequence 0). */
  public static RevocationView of(RevocationFilter base) {
    return new RevocationView(Objects.requireNonNull(base, "base"), 0, Map.of());
  }

  /**
   * This view with {@code delta} applied.
   *
   * @throws IllegalArgumentException if {@code delta} continues another filter, or is not the
   *     next in sequence (a delta was missed, repeated or reordered)
   */
  public RevocationView apply(RevocationDelta delta) {
    Objects.requireNonNull(delta, "delta");
    if (!delta.base().equals(base.id())) {
      throw new IllegalArgumentException(
          "delta " + delta.sequence() + " is for filter " + delta.base() + ", not for this view's filter " + base.id());
    }
    if (delta.sequence() != sequence + 1) {
      throw new IllegalArgumentException(
          "delta " + delta.sequence() + " is out of sequence: this view is at " + sequence + ", the next is " + (sequence + 1));
    }
    Map<BigInteger, Boolean> next = new HashMap<>(overrides);
    delta.revoked().forEach(serial -> next.put(serial, Boolean.TRUE));
    delta.notRevoked().forEach(serial -> next.put(serial, Boolean.FALSE));
    return new RevocationView(base, delta.sequence(), next);
  }

  /**
   * Whether the certificate with this serial is revoked: exact for serials issued as of the last
   * delta, as {@link RevocationFilter#isRevoked} is for the base's.
   */
  public boolean isRevoked(BigInteger serial) {
    Boolean override = overrides.get(Objects.requireNonNull(serial, "serial"));
    return override != null ? override : base.isRevoked(serial);
  }

  /** The filter the deltas apply to. */
  public RevocationFilter base() {
    return base;
  }

  /** The sequence number of the last delta applied, 0 for none. */
  public long sequence() {
    return sequence;
  }
}
