// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.iotpki.core.PkiParseException;
import org.junit.jupiter.api.Test;

/** Every malformation of a filter or delta is a PkiParseException that says what was wrong. */
class RevocationDecodeMalformedTest {
  // Filter layout: magic 0-3, version 4, issued 5-12, revoked 13-20, level count 21,
  // level 1 at 22: seed 22-25, hashes 26, bit count 27-30, bits from 31.
  private static final List<BigInteger> ISSUED = TestSerials.random(200, 30);
  private static final RevocationFilter BASE = RevocationFilter.build(ISSUED, ISSUED.subList(0, 20));
  private static final byte[] FILTER = BASE.encoded();
  // Delta layout: magic 0-3, version 4, base 5-20, sequence 21-28, revoked count 29-32, serials from 33.
  private static final byte[] DELTA = new RevocationDelta(
      BASE.id(), 3,
      Set.of(BigInteger.valueOf(0x0102), BigInteger.valueOf(0x0304)), Set.of(BigInteger.valueOf(0x05))).encoded();

  private static AbstractThrowableAssert<?, ? extends Throwable> filter(byte[] input) {
    return assertThatThrownBy(() -> RevocationFilter.decode(input)).isInstanceOf(PkiParseException.class);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> delta(byte[] input) {
    return assertThatThrownBy(() -> RevocationDelta.decode(input)).isInstanceOf(PkiParseException.class);
  }

  private static byte[] patched(byte[] input, int offset, int... bytes) {
    byte[] copy = input.clone();
    for (int i = 0; i < bytes.length; i++) {
      copy[offset + i] = (byte) bytes[i];
    }
    return copy;
  }

  @Test
  void filterTruncatedAtEveryLengthOrWithATrailingByte() {
    for (int length = 0; length < FILTER.length; length++) {
      filter(Arrays.copyOf(FILTER, length)).as("truncated to %d bytes", length);
    }
    filter(Arrays.copyOf(FILTER, FILTER.length + 1)).hasMessage("1 trailing bytes after the revocation filter (at offset %d)", FILTER.length);
  }

  @Test
  void filterWithABadHeader() {
    filter(new byte[0]).hasMessageContaining("not an iotpki revocation filter (bad magic)");
    filter(DELTA).hasMessageContaining("bad magic");
    filter(patched(FILTER, 4, 2)).hasMessage("unsupported revocation filter version 2 (at offset 4)");
    filter(patched(FILTER, 5, 0x80)).hasMessageContaining("issued count larger than 2^63 - 1");
    filter(patched(FILTER, 5, 0, 0, 0, 0, 0, 0, 0, 19)).hasMessageContaining("revoked count 20 exceeds the issued count 19");
    filter(patched(FILTER, 21, 0)).hasMessageContaining("0 levels for 20 revoked serials");
    filter(patched(FILTER, 13, 0, 0, 0, 0, 0, 0, 0, 0)).hasMessageContaining("levels for 0 revoked serials");
    filter(patched(FILTER, 21, 255)).hasMessageContaining("truncated");
  }

  @Test
  void filterWithABadLevel() {
    filter(patched(FILTER, 26, 0)).hasMessage("level 1 has 0 hashes, not 1 to 32 (at offset 26)");
    filter(patched(FILTER, 26, 33)).hasMessageContaining("33 hashes");
    filter(patched(FILTER, 27, 0, 0, 0, 0)).hasMessage("level 1 bit count 0 is not a positive multiple of 8 (at offset 27)");
    filter(patched(FILTER, 27, 0, 0, 0, 9)).hasMessageContaining("bit count 9 is not");
    // 512 MiB announced, a few hundred bytes present: refused before allocating.
    filter(patched(FILTER, 27, 0xff, 0xff, 0xff, 0xf8))
        .hasMessageContaining("truncated: the level 1 bits needs 536870911 bytes");
  }

  @Test
  void deltaTruncatedAtEveryLengthOrWithATrailingByte() {
    for (int length = 0; length < DELTA.length; length++) {
      delta(Arrays.copyOf(DELTA, length)).as("truncated to %d bytes", length);
    }
    delta(Arrays.copyOf(DELTA, DELTA.length + 1)).hasMessageContaining("1 trailing bytes after the revocation delta");
  }

  @Test
  void deltaWithABadHeader() {
    delta(FILTER).hasMessageContaining("not an iotpki revocation delta (bad magic)");
    delta(patched(DELTA, 4, 9)).hasMessage("unsupported revocation delta version 9 (at offset 4)");
    delta(patched(DELTA, 21, 0, 0, 0, 0, 0, 0, 0, 0)).hasMessage("delta sequence 0: deltas count from 1 (at offset 21)");
    delta(patched(DELTA, 21, 0xff)).hasMessageContaining("sequence larger than 2^63 - 1");
    delta(patched(DELTA, 29, 0x7f, 0xff, 0xff, 0xff)).hasMessageContaining("2147483647 revoked serials cannot fit in the remaining");
  }

  @Test
  void deltaWithABadSerial() {
    byte[] header = Arrays.copyOf(DELTA, 33);
    delta(concat(header, 1, 0, 0, 0, 0, 0, 0)).hasMessageContaining("revoked serial of 0 bytes, not 1 to 20");
    delta(concat(header, 1, 21, 0)).hasMessageContaining("revoked serial of 21 bytes");
    delta(concat(header, 1, 2, 0, 1, 0, 0, 0, 0)).hasMessageContaining("revoked serial with a leading zero byte");
    delta(concat(header, 2, 1, 7, 1, 7, 0, 0, 0, 0)).hasMessageContaining("revoked serials not in strictly ascending order");
    delta(concat(header, 2, 1, 7, 1, 6, 0, 0, 0, 0)).hasMessageContaining("not in strictly ascending order");
    delta(concat(header, 1, 1, 7, 0, 0, 0, 1, 1, 7)).hasMessageContaining("serial 0x7 is both revoked and not revoked");
  }

  /** {@code header} (up to the revoked count), a revoked count of {@code count}, then {@code rest}. */
  private static byte[] concat(byte[] header, int count, int... rest) {
    ByteBuffer out = ByteBuffer.allocate(header.length + rest.length);
    out.put(header, 0, header.length - 4).putInt(count);
    for (int b : rest) {
      out.put((byte) b);
    }
    return out.array();
  }

  @Test
  void theWellFormedInputsDecode() throws Exception {
    assertThat(RevocationFilter.decode(FILTER).encoded()).isEqualTo(FILTER);
    assertThat(RevocationDelta.decode(DELTA).encoded()).isEqualTo(DELTA);
  }
}
