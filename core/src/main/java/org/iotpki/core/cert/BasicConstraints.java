// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

import java.util.OptionalInt;

/**
 * The basicConstraints extension (RFC 5280 4.2.1.9).
 *
 * @param ca whether the subject is a CA
 * @param pathLength for a CA, the most intermediate CA certificates that may follow it; empty
 *     for no limit (and always empty for an end entity)
 */
public record BasicConstraints(boolean ca, OptionalInt pathLength) {

  /** @throws IllegalArgumentException for a negative path length or one on an end entity */
  public BasicConstraints {
    if (pathLength.isPresent() && (!ca || pathLength.getAsInt() < 0)) {
      throw new IllegalArgumentException(
          ca ? "pathLength must not be negative" : "an end entity has no pathLength");
    }
  }

  /** A CA without a path length limit. */
  public static BasicConstraints caUnlimited() {
    return new BasicConstraints(true, OptionalInt.empty());
  }

  /** A CA that may be followed by at most {@code pathLength} intermediate CAs. */
  public static BasicConstraints ca(int pathLength) {
    return new BasicConstraints(true, OptionalInt.of(pathLength));
  }

  /** Not a CA. */
  public static BasicConstraints endEntity() {
    return new BasicConstraints(false, OptionalInt.empty());
  }
}
