// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The issued serials and the revoked ones among them, checked: every serial valid, every revoked
 * serial issued. Both sets are unmodifiable.
 */
record SerialSets(Set<BigInteger> issued, Set<BigInteger> revoked) {

  /**
   * Checks and copies both collections (duplicates collapse).
   *
   * @throws IllegalArgumentException naming the first serial that is invalid, or revoked but not
   *     issued
   */
  static SerialSets of(Collection<BigInteger> issued, Collection<BigInteger> revoked) {
    Set<BigInteger> issuedSet = checked(issued, "issued");
    Set<BigInteger> revokedSet = checked(revoked, "revoked");
    for (BigInteger serial : revokedSet) {
      if (!issuedSet.contains(serial)) {
        throw new IllegalArgumentException(
            "revoked serial " + Serials.hex(serial) + " is not in the issued set");
      }
    }
    return new SerialSets(issuedSet, revokedSet);
  }

  /** As {@link #of}, keeping only the revoked serials that were issued. */
  static SerialSets ofIssuedOnly(Collection<BigInteger> issued, Collection<BigInteger> revoked) {
    Set<BigInteger> issuedSet = checked(issued, "issued");
    Set<BigInteger> revokedSet = new HashSet<>();
    for (BigInteger serial : Objects.requireNonNull(revoked, "revoked")) {
      if (issuedSet.contains(Objects.requireNonNull(serial, "revoked serial"))) {
        revokedSet.add(serial);
      }
    }
    return new SerialSets(issuedSet, Collections.unmodifiableSet(revokedSet));
  }

  private static Set<BigInteger> checked(Collection<BigInteger> serials, String role) {
    Objects.requireNonNull(serials, role);
    // Sized for all of them up front: a million serials would otherwise rehash a dozen times.
    Set<BigInteger> set = new HashSet<>((int) Math.min(1 << 30, serials.size() * 4L / 3 + 1));
    for (BigInteger serial : serials) {
      set.add(Serials.requireValid(serial, role));
    }
    return Collections.unmodifiableSet(set);
  }
}
