// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.util.OptionalInt;

/** Vendor and product ids from options: 16-bit numbers. */
final class MatterIds {
  private MatterIds() {}

  /** @throws IllegalArgumentException if the id does not fit 16 bits */
  static int required(long id, String option) {
    if (id < 0 || id > 0xFFFF) {
      throw new IllegalArgumentException(option + " must be a 16-bit number (0 to 0xFFFF), was " + id);
    }
    return (int) id;
  }

  static OptionalInt optional(Long id, String option) {
    return id == null ? OptionalInt.empty() : OptionalInt.of(required(id, option));
  }
}
