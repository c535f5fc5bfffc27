// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A key identifier of a Matter certificate: 20 bytes (a SHA-1 digest), compared by content.
 *
 * @param bytes the identifier
 */
public record KeyId(byte[] bytes) {
  /** The length of a Matter key identifier. */
  public static final int LENGTH = 20;

  /** @throws IllegalArgumentException unless the identifier is 20 bytes */
  public KeyId {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a key identifier is " + LENGTH + " bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** A copy of the identifier. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyId that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The identifier in hex. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
