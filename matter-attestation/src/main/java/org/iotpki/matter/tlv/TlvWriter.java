// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.tlv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.iotpki.matter.internal.TlvWire;

/**
 * Writes Matter TLV in its canonical form: every integer, string length and profile tag in the
 * fewest bytes that hold it.
 *
 * <pre>{@code
 * byte[] tlv = TlvWriter.create()
 *     .startStructure(TlvTag.anonymous())
 *     .putUnsigned(TlvTag.context(1), 42)
 *     .putString(TlvTag.context(2), "sensor")
 *     .endContainer()
 *     .toByteArray();
 * }</pre>
 *
 * <p>The writer refuses what a reader would reject, with {@link IllegalArgumentException}: an
 * anonymous member in a structure, a tagged member in an array, a context-specific tag on the top
 * level, a tag repeated in a structure; and with {@link IllegalStateException} an end without a
 * container or {@link #toByteArray()} with a container open. Not thread-safe.
 */
public final class TlvWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Deque<Open> open = new ArrayDeque<>();

  /** An open container: its type and, for a structure, the tags written in it. */
  private record Open(TlvType type, Set<TlvTag> tags) {}

  private TlvWriter() {}

  /** A new, empty writer. */
  public static TlvWriter create() {
    return new TlvWriter();
  }

  /** A signed integer in 1, 2, 4 or 8 bytes, whichever is smallest. */
  public TlvWriter putSigned(TlvTag tag, long value) {
    int widthCode = TlvWire.signedWidthCode(value);
    header(tag, TlvWire.SIGNED_1 + widthCode);
    littleEndian(value, 1 << widthCode);
    return this;
  }

  /** An unsigned integer (the 64 bits of {@code value} read as unsigned), in the fewest bytes. */
  public TlvWriter putUnsigned(TlvTag tag, long value) {
    int widthCode = TlvWire.unsignedWidthCode(value);
    header(tag, TlvWire.UNSIGNED_1 + widthCode);
    littleEndian(value, 1 << widthCode);
    return this;
  }

  /** A boolean. */
  public TlvWriter putBoolean(TlvTag tag, boolean value) {
    header(tag, value ? TlvWire.TRUE : TlvWire.FALSE);
    return this;
  }

  /** A binary32 float. */
  public TlvWriter putFloat(TlvTag tag, float value) {
    header(tag, TlvWire.FLOAT_4);
    littleEndian(Float.floatToRawIntBits(value), 4);
    return this;
  }

  /** A binary64 float. */
  public TlvWriter putDouble(TlvTag tag, double value) {
    header(tag, TlvWire.FLOAT_8);
    littleEndian(Double.doubleToRawLongBits(value), 8);
    return this;
  }

  /** A UTF-8 string. */
  public TlvWriter putString(TlvTag tag, String value) {
    Objects.requireNonNull(value, "value");
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    return string(tag, TlvWire.UTF8_LENGTH_1, utf8);
  }

  /** An octet string. */
  public TlvWriter putBytes(TlvTag tag, byte[] value) {
    Objects.requireNonNull(value, "value");
    return string(tag, TlvWire.BYTES_LENGTH_1, value);
  }

  /** The null value. */
  public TlvWriter putNull(TlvTag tag) {
    header(tag, TlvWire.NULL);
    return this;
  }

  /** Opens a structure; close it with {@link #endContainer()}. */
  public TlvWriter startStructure(TlvTag tag) {
    return start(tag, TlvType.STRUCTURE, TlvWire.STRUCTURE);
  }

  /** Opens an array. */
  public TlvWriter startArray(TlvTag tag) {
    return start(tag, TlvType.ARRAY, TlvWire.ARRAY);
  }

  /** Opens a list. */
  public TlvWriter startList(TlvTag tag) {
    return start(tag, TlvType.LIST, TlvWire.LIST);
  }

  /** Closes the innermost open container. */
  public TlvWriter endContainer() {
    if (open.isEmpty()) {
      throw new IllegalStateException("no container is open");
    }
    open.pop();
    out.write(TlvWire.END_OF_CONTAINER);
    return this;
  }

  /** The bytes written so far. */
  public byte[] toByteArray() {
    if (!open.isEmpty()) {
      throw new IllegalStateException(open.size() + " container(s) still open");
    }
    return out.toByteArray();
  }

  private TlvWriter start(TlvTag tag, TlvType type, int elementType) {
    header(tag, elementType);
    open.push(new Open(type, type == TlvType.STRUCTURE ? new HashSet<>() : Set.of()));
    return this;
  }

  private TlvWriter string(TlvTag tag, int firstElementType, byte[] value) {
    int widthCode = TlvWire.unsignedWidthCode(value.length);
    header(tag, firstElementType + widthCode);
    littleEndian(value.length, 1 << widthCode);
    out.writeBytes(value);
    return this;
  }

  private void header(TlvTag tag, int elementType) {
    Objects.requireNonNull(tag, "tag");
    checkTag(tag);
    int tagControl;
    switch (tag.kind()) {
      case ANONYMOUS -> tagControl = TlvWire.TAG_ANONYMOUS;
      case CONTEXT -> tagControl = TlvWire.TAG_CONTEXT;
      case COMMON_PROFILE -> tagControl = tag.number() > 0xFFFF ? TlvWire.TAG_COMMON_4 : TlvWire.TAG_COMMON_2;
      case IMPLICIT_PROFILE -> tagControl = tag.number() > 0xFFFF ? TlvWire.TAG_IMPLICIT_4 : TlvWire.TAG_IMPLICIT_2;
      default -> tagControl = tag.number() > 0xFFFF ? TlvWire.TAG_FULLY_QUALIFIED_8 : TlvWire.TAG_FULLY_QUALIFIED_6;
    }
    out.write(tagControl << 5 | elementType);
    switch (tagControl) {
      case TlvWire.TAG_ANONYMOUS -> {
        // No tag bytes.
      }
      case TlvWire.TAG_CONTEXT -> out.write((int) tag.number());
      case TlvWire.TAG_COMMON_2, TlvWire.TAG_IMPLICIT_2 -> littleEndian(tag.number(), 2);
      case TlvWire.TAG_COMMON_4, TlvWire.TAG_IMPLICIT_4 -> littleEndian(tag.number(), 4);
      default -> {
        littleEndian(tag.vendorId(), 2);
        littleEndian(tag.profileNumber(), 2);
        littleEndian(tag.number(), tagControl == TlvWire.TAG_FULLY_QUALIFIED_6 ? 2 : 4);
      }
    }
  }

  private void checkTag(TlvTag tag) {
    Open container = open.peek();
    if (container == null) {
      if (tag.kind() == TlvTag.Kind.CONTEXT) {
        throw new IllegalArgumentException("a context-specific tag needs a structure or list around it");
      }
    } else if (container.type() == TlvType.STRUCTURE) {
      if (tag.isAnonymous()) {
        throw new IllegalArgumentException("a structure member needs a tag");
      }
      if (!container.tags().add(tag)) {
        throw new IllegalArgumentException("tag " + tag + " is already in this structure");
      }
    } else if (container.type() == TlvType.ARRAY && !tag.isAnonymous()) {
      throw new IllegalArgumentException("array members are anonymous");
    }
  }

  private void littleEndian(long value, int width) {
    for (int i = 0; i < width; i++) {
      out.write((int) (value >>> (8 * i)) & 0xFF);
    }
  }
}
