// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.iotpki.core.PkiParseException;

/**
 * One day's changes to a {@link RevocationFilter}, in sequence: what a hub needs to stay exact
 * over the issuer's current issued set without a new filter.
 *
 * <p>{@code revoked} lists the serials revoked now that the previous state (base filter and
 * deltas 1 to sequence - 1) does not report revoked; {@code notRevoked} the issued serials that
 * the previous state reports revoked but are not: false positives of the base filter among
 * serials issued since it was built, and serials whose revocation was lifted (certificateHold
 * released). The issuer makes deltas with {@link #between}; a hub applies them with {@link
 * RevocationView#apply}.
 *
 * @param base the {@link RevocationFilter#id() id} of the filter this delta continues
 * @param sequence 1 for the first delta after the filter, then one more each
 * @param revoked serials to report revoked from now on, ascending, unmodifiable
 * @param notRevoked serials to report not revoked from now on, ascending, unmodifiable
 */
public record RevocationDelta(FilterId base, long sequence, Set<BigInteger> revoked, Set<BigInteger> notRevoked) {

  /**
   * Checks and copies the serial sets.
   *
   * @throws IllegalArgumentException if {@code sequence} is not positive, a serial is not positive
   *     or longer than 20 bytes, or a serial is in both sets
   */
  public RevocationDelta {
    Objects.requireNonNull(base, "base");
    if (sequence < 1) {
      throw new IllegalArgumentException("delta sequence " + sequence + " is not positive");
    }
    revoked = checked(revoked, "revoked");
    notRevoked = checked(notRevoked, "notRevoked");
    for (BigInteger serial : revoked) {
      if (notRevoked.contains(serial)) {
        throw new IllegalArgumentException("serial " + Serials.hex(serial) + " is both revoked and not revoked");
      }
    }
  }

  /**
   * The delta that brings {@code current} (a base filter with the deltas so far) to the issuer's
   * sets now: the next in sequence, for the same base.
   *
   * @param current what hubs hold now: {@code RevocationView.of(filter)} for the first delta
   * @param issued every serial issued now (it may have grown, and lost expired ones, since the
   *     base)
   * @param revoked the serials revoked now, a subset of {@code issued}
   * @throws IllegalArgumentException naming a serial that is not positive or longer than 20
   *     bytes, or a revoked serial that is not in {@code issued}
   */
  public static RevocationDelta between(
      RevocationView current, Collection<BigInteger> issued, Collection<BigInteger> revoked) {
    Objects.requireNonNull(current, "current");
    SerialSets sets = SerialSets.of(issued, revoked);
    Set<BigInteger> newlyRevoked = new TreeSet<>();
    Set<BigInteger> notRevoked = new TreeSet<>();
    for (BigInteger serial : sets.issued()) {
      boolean revokedNow = sets.revoked().contains(serial);
      if (revokedNow != current.isRevoked(serial)) {
        (revokedNow ? newlyRevoked : notRevoked).add(serial);
      }
    }
    return new RevocationDelta(current.base().id(), current.sequence() + 1, newlyRevoked, notRevoked);
  }

  /**
   * Decodes a delta from untrusted bytes (the format of {@link #encoded()}), checking every count
   * and length against the input before allocating.
   *
   * @throws PkiParseException for any malformation: truncation, bad magic or version, a sequence
   *     that is not positive, a serial of length 0 or over 20 or with a leading zero byte, serials
   *     not in ascending order or in both lists, a count larger than the input can hold, trailing
   *     bytes
   */
  public static RevocationDelta decode(byte[] encoded) throws PkiParseException {
    return DeltaCodec.decode(encoded);
  }

  /**
   * The compact binary encoding (version 1): magic {@code IPRD}, version, base id, sequence, then
   * each list as a count and its serials (a length byte and the magnitude bytes), ascending.
   */
  public byte[] encoded() {
    return DeltaCodec.encode(this);
  }

  private static Set<BigInteger> checked(Set<BigInteger> serials, String role) {
    SortedSet<BigInteger> sorted = new TreeSet<>();
    for (BigInteger serial : Objects.requireNonNull(serials, role)) {
      sorted.add(Serials.requireValid(serial, role));
    }
    return Collections.unmodifiableSortedSet(sorted);
  }
}
