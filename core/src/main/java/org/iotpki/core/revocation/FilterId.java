// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names a {@link RevocationFilter}: the first 16 bytes of SHA-256 over its encoding, so that a
 * {@link RevocationDelta} says which filter it continues and a hub refuses a delta for another.
 *
 * @param high the first 8 of the 16 bytes, big-endian
 * @param low the last 8 of the 16 bytes, big-endian
 */
public record FilterId(long high, long low) {
  /** The encoded size: 16 bytes. */
  static final int BYTES = 2 * Long.BYTES;

  /** The id of the filter whose encoding is {@code encoded}. */
  static FilterId of(byte[] encoded) {
    try {
      ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(encoded));
      return new FilterId(digest.getLong(), digest.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The 16 bytes in lower-case hex (32 characters). */
  public String hex() {
    return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
  }

  /** The same as {@link #hex()}. */
  @Override
  public String toString() {
    return hex();
  }
}
