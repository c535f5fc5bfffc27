// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.iotpki.core.PkiParseException;

/**
 * The binary format of a {@link RevocationDelta}, version 1, big-endian:
 *
 * <pre>
 * magic "IPRD" | version u8 = 1 | base id (16 bytes) | sequence u64 (positive)
 * revoked count u32 | serials | not-revoked count u32 | serials
 * serial: length u8 (1..20) | magnitude (no leading zero byte); each list strictly ascending
 * </pre>
 *
 * <p>One valid encoding per delta: the same delta always gives the same bytes.
 */
final class DeltaCodec {
  private static final byte[] MAGIC = {'I', 'P', 'R', 'D'};
  private static final int VERSION = 1;
  /** The shortest serial: a length byte and one magnitude byte. */
  private static final int MIN_SERIAL_BYTES = 2;

  private DeltaCodec() {}

  static byte[] encode(RevocationDelta delta) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    out.write(VERSION);
    out.writeBytes(ByteBuffer.allocate(FilterId.BYTES + Long.BYTES)
        .putLong(delta.base().high()).putLong(delta.base().low()).putLong(delta.sequence()).array());
    writeSerials(out, delta.revoked());
    writeSerials(out, delta.notRevoked());
    return out.toByteArray();
  }

  /** The delta's sets iterate in ascending order (they are sorted sets), as the format requires. */
  private static void writeSerials(ByteArrayOutputStream out, Set<BigInteger> serials) {
    out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(serials.size()).array());
    for (BigInteger serial : serials) {
      byte[] magnitude = Serials.magnitude(serial);
      out.write(magnitude.length);
      out.writeBytes(magnitude);
    }
  }

  static RevocationDelta decode(byte[] encoded) throws PkiParseException {
    Objects.requireNonNull(encoded, "encoded");
    ByteReader in = new ByteReader(encoded);
    in.expectHeader(MAGIC, VERSION, "revocation delta");
    FilterId base = new FilterId(in.u64("base id"), in.u64("base id"));
    long sequence = in.u63("sequence");
    if (sequence == 0) {
      throw new PkiParseException("delta sequence 0: deltas count from 1", in.offset() - Long.BYTES);
    }
    List<BigInteger> revoked = readSerials(in, "revoked");
    List<BigInteger> notRevoked = readSerials(in, "not-revoked");
    in.requireEnd("revocation delta");
    try {
      return new RevocationDelta(base, sequence, Set.copyOf(revoked), Set.copyOf(notRevoked));
    } catch (IllegalArgumentException e) {
      // The record's own check that is left: a serial in both lists.
      throw new PkiParseException(e.getMessage(), in.offset());
    }
  }

  private static List<BigInteger> readSerials(ByteReader in, String list) throws PkiParseException {
    long count = in.u32(list + " count");
    if (count > in.remaining() / MIN_SERIAL_BYTES) {
      throw in.error(count + " " + list + " serials cannot fit in the remaining " + in.remaining() + " bytes");
    }
    List<BigInteger> serials = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      int start = in.offset();
      int length = in.u8(list + " serial length");
      if (length < 1 || length > Serials.MAX_BYTES) {
        throw new PkiParseException(list + " serial of " + length + " bytes, not 1 to " + Serials.MAX_BYTES, start);
      }
      byte[] magnitude = in.bytes(length, list + " serial");
      if (magnitude[0] == 0) {
        throw new PkiParseException(list + " serial with a leading zero byte", start + 1);
      }
      BigInteger serial = new BigInteger(1, magnitude);
      if (!serials.isEmpty() && serial.compareTo(serials.get(serials.size() - 1)) <= 0) {
        throw new PkiParseException(list + " serials not in strictly ascending order", start);
      }
      serials.add(serial);
    }
    return serials;
  }
}
