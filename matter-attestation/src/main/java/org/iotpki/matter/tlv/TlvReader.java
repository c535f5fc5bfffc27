// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.tlv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.iotpki.matter.internal.TlvWire;

/**
 * A streaming reader of Matter TLV (Matter Core specification, appendix A) over bytes in memory.
 *
 * <p>{@link #next()} moves to the next element of the current container (or of the top level) and
 * returns {@code false} at the container's end; {@link #enterContainer()} and
 * {@link #exitContainer()} move down and up. Every malformation throws {@link TlvFormatException}
 * with the offset of the element at fault: a truncated element, a length past the end, a reserved
 * element type, an end-of-container outside a container or with a tag, a container left open, a tag
 * its container does not allow (anonymous in a structure, tagged in an array, context-specific at
 * the top level), a duplicate tag in a structure, invalid UTF-8, and nesting deeper than the
 * reader's limit. Nothing is allocated for a value before its length has been checked against the
 * bytes that remain.
 *
 * <pre>{@code
 * TlvReader reader = TlvReader.of(bytes);
 * reader.next();                                  // the outermost element
 * reader.enterContainer();
 * while (reader.next()) {
 *   System.out.println(reader.tag() + " " + reader.type());
 * }
 * reader.exitContainer();
 * reader.expectEnd();                             // nothing may follow
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class TlvReader {
  /** Nesting depth accepted by {@link #of(byte[])}: far more than any Matter structure uses. */
  public static final int DEFAULT_MAX_DEPTH = 16;

  /** Levels and structures allocated up front; deeper nesting grows the arrays, up to the limit. */
  private static final int INITIAL_LEVELS = 4;
  private static final int INITIAL_STRUCTURES = 2;
  private static final TlvType[] CONTAINER_TYPES = {TlvType.STRUCTURE, TlvType.ARRAY, TlvType.LIST};
  /** Context tags 64 to 255 take three more words of a structure's tag set. */
  private static final int HIGH_TAG_WORDS = 3;

  private final byte[] input;
  private final int maxDepth;
  // The open containers, innermost last, as offset << 2 | index in CONTAINER_TYPES: kept in an
  // array so that reading allocates nothing per element.
  private long[] levels;
  private int depth;
  // For each open structure (innermost last), the tags seen: context tags 0 to 63 in one word, the
  // rarer higher context tags and profile tags in storage made when the first one appears.
  private long[] structureLowTags;
  private long[] structureHighTags;
  private Object[] structureProfileTags;
  private int structures;

  private int position;
  private boolean hasElement;
  private boolean atContainerEnd;
  private int elementOffset;
  private int control;
  private TlvType type;
  private TlvTag tag;
  private long value;
  private int valueOffset;
  private int valueLength;

  private TlvReader(byte[] input, int maxDepth) {
    this.input = input;
    this.maxDepth = maxDepth;
    this.levels = new long[Math.min(maxDepth, INITIAL_LEVELS)];
  }

  /** A reader over {@code input} (not copied; do not change it while reading). */
  public static TlvReader of(byte[] input) {
    return of(input, DEFAULT_MAX_DEPTH);
  }

  /** A reader that refuses containers nested deeper than {@code maxDepth}. */
  public static TlvReader of(byte[] input, int maxDepth) {
    Objects.requireNonNull(input, "input");
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be at least 1");
    }
    return new TlvReader(input, maxDepth);
  }

  /**
   * Moves to the next element of the current container, skipping (and checking) the rest of the
   * current element if it is a container that was not entered.
   *
   * @return {@code false} at the end of the current container, or at the end of the input on the
   *     top level
   */
  public boolean next() throws TlvFormatException {
    if (atContainerEnd) {
      return false;
    }
    if (hasElement && type.isContainer()) {
      enterContainer();
      exitContainer();
    }
    hasElement = false;
    if (position == input.length) {
      if (depth > 0) {
        throw new TlvFormatException(
            "input ends inside a " + name(levelType(depth - 1)) + " (no end-of-container)", levelOffset(depth - 1));
      }
      return false;
    }
    elementOffset = position;
    control = input[position++] & 0xFF;
    int elementType = control & 0x1F;
    int tagControl = control >>> 5;
    if (elementType >= TlvWire.FIRST_RESERVED) {
      throw fail(String.format(java.util.Locale.ROOT, "reserved element type 0x%02X", elementType));
    }
    if (elementType == TlvWire.END_OF_CONTAINER) {
      return containerEnd(tagControl);
    }
    tag = readTag(tagControl);
    checkTag();
    readValue(elementType);
    hasElement = true;
    return true;
  }

  /** The type of the current element. */
  public TlvType type() {
    requireElement();
    return type;
  }

  /** The tag of the current element. */
  public TlvTag tag() {
    requireElement();
    return tag;
  }

  /** The offset of the current element's control byte in the input. */
  public int offset() {
    requireElement();
    return elementOffset;
  }

  /** The offset of the next unread byte: where the next element starts, or the input's length. */
  public int position() {
    return position;
  }

  /** The nesting depth: 0 on the top level, 1 inside the outermost container, and so on. */
  public int depth() {
    return depth;
  }

  /** The value of a signed integer element. */
  public long getSigned() throws TlvFormatException {
    expectType(TlvType.SIGNED_INTEGER);
    return value;
  }

  /**
   * The value of an unsigned integer element, as the 64 bits of an unsigned number (use
   * {@link Long#compareUnsigned} and {@link Long#toUnsignedString} above {@link Long#MAX_VALUE}).
   */
  public long getUnsigned() throws TlvFormatException {
    expectType(TlvType.UNSIGNED_INTEGER);
    return value;
  }

  /** The value of an unsigned integer element that must be at most {@code max} (unsigned). */
  public long getUnsigned(long max) throws TlvFormatException {
    long unsigned = getUnsigned();
    if (Long.compareUnsigned(unsigned, max) > 0) {
      throw fail("value " + Long.toUnsignedString(unsigned) + " exceeds " + Long.toUnsignedString(max));
    }
    return unsigned;
  }

  /** The value of a boolean element. */
  public boolean getBoolean() throws TlvFormatException {
    expectType(TlvType.BOOLEAN);
    return value != 0;
  }

  /** The value of a float element (a binary32 is widened exactly). */
  public double getDouble() throws TlvFormatException {
    expectType(TlvType.FLOAT);
    return (control & 0x1F) == TlvWire.FLOAT_4
        ? Float.intBitsToFloat((int) value)
        : Double.longBitsToDouble(value);
  }

  /** Whether the current float element is a binary32 (else binary64). */
  public boolean isSinglePrecision() throws TlvFormatException {
    expectType(TlvType.FLOAT);
    return (control & 0x1F) == TlvWire.FLOAT_4;
  }

  /** The value of a UTF-8 string element (checked to be valid UTF-8 when it was read). */
  public String getString() throws TlvFormatException {
    expectType(TlvType.UTF8_STRING);
    return new String(input, valueOffset, valueLength, StandardCharsets.UTF_8);
  }

  /** A copy of the value of an octet string element. */
  public byte[] getBytes() throws TlvFormatException {
    expectType(TlvType.BYTE_STRING);
    return Arrays.copyOfRange(input, valueOffset, valueOffset + valueLength);
  }

  /** The length in bytes of the current string element's value. */
  public int valueLength() throws TlvFormatException {
    requireElement();
    if (type != TlvType.UTF8_STRING && type != TlvType.BYTE_STRING) {
      throw fail("expected a string, found " + name(type));
    }
    return valueLength;
  }

  /**
   * The offset in the input of the current string element's value, to read it in place (with
   * {@link #valueLength()}) instead of as a copy.
   */
  public int valueOffset() throws TlvFormatException {
    valueLength();
    return valueOffset;
  }

  /** Enters the current element, which must be a container. */
  public void enterContainer() throws TlvFormatException {
    requireElement();
    if (!type.isContainer()) {
      throw fail("expected a container, found " + name(type));
    }
    if (depth >= maxDepth) {
      throw fail("containers nested deeper than " + maxDepth + " levels");
    }
    if (depth == levels.length) {
      levels = Arrays.copyOf(levels, Math.min(maxDepth, 2 * depth));
    }
    levels[depth++] = (long) elementOffset << 2 | (type == TlvType.STRUCTURE ? 0 : type == TlvType.ARRAY ? 1 : 2);
    if (type == TlvType.STRUCTURE) {
      openStructure();
    }
    hasElement = false;
  }

  private void openStructure() {
    if (structureLowTags == null) {
      structureLowTags = new long[INITIAL_STRUCTURES];
    } else if (structures == structureLowTags.length) {
      structureLowTags = Arrays.copyOf(structureLowTags, 2 * structures);
    }
    structureLowTags[structures] = 0;
    if (structureHighTags != null && structureHighTags.length > structures * HIGH_TAG_WORDS) {
      Arrays.fill(structureHighTags, structures * HIGH_TAG_WORDS, (structures + 1) * HIGH_TAG_WORDS, 0L);
    }
    if (structureProfileTags != null && structureProfileTags.length > structures) {
      structureProfileTags[structures] = null;
    }
    structures++;
  }

  private TlvType levelType(int level) {
    return CONTAINER_TYPES[(int) (levels[level] & 3)];
  }

  private int levelOffset(int level) {
    return (int) (levels[level] >>> 2);
  }

  /** Skips the rest of the current container, checking it, and returns to its parent's level. */
  public void exitContainer() throws TlvFormatException {
    if (depth == 0) {
      throw new IllegalStateException("not inside a container");
    }
    while (next()) {
      // Each member is read, and so checked, on the way to the end-of-container.
    }
    atContainerEnd = false;
    hasElement = false;
    depth--;
    if (levelType(depth) == TlvType.STRUCTURE) {
      structures--;
    }
  }

  /** Checks that the input ends here, on the top level. */
  public void expectEnd() throws TlvFormatException {
    if (depth > 0) {
      throw new TlvFormatException("a container is still open", levelOffset(depth - 1));
    }
    if (next()) {
      throw fail("data after the last element");
    }
  }

  /** Checks that the current element has {@code expected} type. */
  public void expectType(TlvType expected) throws TlvFormatException {
    requireElement();
    if (type != expected) {
      throw fail("expected " + name(expected) + ", found " + name(type));
    }
  }

  private boolean containerEnd(int tagControl) throws TlvFormatException {
    if (tagControl != TlvWire.TAG_ANONYMOUS) {
      throw fail("end-of-container with a tag");
    }
    if (depth == 0) {
      throw fail("end-of-container outside any container");
    }
    atContainerEnd = true;
    return false;
  }

  private TlvTag readTag(int tagControl) throws TlvFormatException {
    return switch (tagControl) {
      case TlvWire.TAG_ANONYMOUS -> TlvTag.anonymous();
      case TlvWire.TAG_CONTEXT -> TlvTag.context((int) readLittleEndian(1));
      case TlvWire.TAG_COMMON_2 -> TlvTag.commonProfile(readLittleEndian(2));
      case TlvWire.TAG_COMMON_4 -> TlvTag.commonProfile(readLittleEndian(4));
      case TlvWire.TAG_IMPLICIT_2 -> TlvTag.implicitProfile(readLittleEndian(2));
      case TlvWire.TAG_IMPLICIT_4 -> TlvTag.implicitProfile(readLittleEndian(4));
      case TlvWire.TAG_FULLY_QUALIFIED_6 ->
          fullyQualified((int) readLittleEndian(2), (int) readLittleEndian(2), readLittleEndian(2));
      default -> fullyQualified((int) readLittleEndian(2), (int) readLittleEndian(2), readLittleEndian(4));
    };
  }

  private static TlvTag fullyQualified(int vendorId, int profileNumber, long number) {
    return TlvTag.fullyQualified(vendorId, profileNumber, number);
  }

  private void checkTag() throws TlvFormatException {
    if (depth == 0) {
      if (tag.kind() == TlvTag.Kind.CONTEXT) {
        throw fail("context-specific tag " + tag + " outside a structure or list");
      }
      return;
    }
    switch (levelType(depth - 1)) {
      case STRUCTURE -> {
        if (tag.isAnonymous()) {
          throw fail("anonymous member in a structure");
        }
        if (!firstInStructure(tag)) {
          throw fail("duplicate tag " + tag + " in a structure");
        }
      }
      case ARRAY -> {
        if (!tag.isAnonymous()) {
          throw fail("tagged member " + tag + " in an array");
        }
      }
      default -> {
        // A list may hold anonymous and tagged members, repeated or not.
      }
    }
  }

  /** Records {@code tag} as seen in the innermost structure; whether it was not seen before. */
  @SuppressWarnings("unchecked")
  private boolean firstInStructure(TlvTag tag) {
    int structure = structures - 1;
    if (tag.kind() == TlvTag.Kind.CONTEXT && tag.number() < Long.SIZE) {
      long bit = 1L << tag.number();
      boolean first = (structureLowTags[structure] & bit) == 0;
      structureLowTags[structure] |= bit;
      return first;
    }
    if (tag.kind() == TlvTag.Kind.CONTEXT) {
      int words = structureLowTags.length * HIGH_TAG_WORDS;
      if (structureHighTags == null || structureHighTags.length < words) {
        structureHighTags = structureHighTags == null ? new long[words] : Arrays.copyOf(structureHighTags, words);
      }
      int word = structure * HIGH_TAG_WORDS + (int) (tag.number() / Long.SIZE) - 1;
      long bit = 1L << (tag.number() % Long.SIZE);
      boolean first = (structureHighTags[word] & bit) == 0;
      structureHighTags[word] |= bit;
      return first;
    }
    if (structureProfileTags == null || structureProfileTags.length < structureLowTags.length) {
      structureProfileTags = structureProfileTags == null
          ? new Object[structureLowTags.length] : Arrays.copyOf(structureProfileTags, structureLowTags.length);
    }
    if (structureProfileTags[structure] == null) {
      structureProfileTags[structure] = new HashSet<TlvTag>();
    }
    return ((Set<TlvTag>) structureProfileTags[structure]).add(tag);
  }

  private void readValue(int elementType) throws TlvFormatException {
    value = 0;
    valueOffset = position;
    valueLength = 0;
    if (elementType <= 0x03) {
      type = TlvType.SIGNED_INTEGER;
      int width = 1 << elementType;
      long raw = readLittleEndian(width);
      int shift = 64 - 8 * width;
      value = (raw << shift) >> shift;
    } else if (elementType <= 0x07) {
      type = TlvType.UNSIGNED_INTEGER;
      value = readLittleEndian(1 << (elementType - TlvWire.UNSIGNED_1));
    } else if (elementType == TlvWire.FALSE || elementType == TlvWire.TRUE) {
      type = TlvType.BOOLEAN;
      value = elementType == TlvWire.TRUE ? 1 : 0;
    } else if (elementType == TlvWire.FLOAT_4 || elementType == TlvWire.FLOAT_8) {
      type = TlvType.FLOAT;
      value = readLittleEndian(elementType == TlvWire.FLOAT_4 ? 4 : 8);
    } else if (elementType < TlvWire.NULL) {
      boolean utf8 = elementType < TlvWire.BYTES_LENGTH_1;
      type = utf8 ? TlvType.UTF8_STRING : TlvType.BYTE_STRING;
      readStringValue(1 << ((elementType - TlvWire.UTF8_LENGTH_1) & 0x03), utf8);
    } else {
      type = switch (elementType) {
        case TlvWire.NULL -> TlvType.NULL;
        case TlvWire.STRUCTURE -> TlvType.STRUCTURE;
        case TlvWire.ARRAY -> TlvType.ARRAY;
        default -> TlvType.LIST;
      };
    }
  }

  private void readStringValue(int lengthWidth, boolean utf8) throws TlvFormatException {
    long length = readLittleEndian(lengthWidth);
    long remaining = input.length - position;
    if (length < 0 || length > remaining) {
      throw fail("string length " + Long.toUnsignedString(length) + " exceeds the remaining " + remaining + " bytes");
    }
    valueOffset = position;
    valueLength = (int) length;
    position += valueLength;
    if (utf8) {
      checkUtf8();
    }
  }

  /**
   * Checks the string value is well-formed UTF-8 (Unicode table 3-7): no overlong forms, no
   * surrogates, nothing above U+10FFFF; without decoding it.
   */
  private void checkUtf8() throws TlvFormatException {
    int end = valueOffset + valueLength;
    int i = valueOffset;
    while (i < end) {
      int lead = input[i] & 0xFF;
      if (lead < 0x80) {
        i++;
        continue;
      }
      int continuation = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
      if (continuation == 0 || end - i <= continuation) {
        throw fail("UTF-8 string is not valid UTF-8");
      }
      int second = input[i + 1] & 0xFF;
      int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
      int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
      boolean valid = second >= low && second <= high;
      for (int k = 2; k <= continuation; k++) {
        valid &= (input[i + k] & 0xC0) == 0x80;
      }
      if (!valid) {
        throw fail("UTF-8 string is not valid UTF-8");
      }
      i += continuation + 1;
    }
  }

  /** Reads {@code width} bytes (1, 2, 4 or 8) little-endian, after checking they are there. */
  private long readLittleEndian(int width) throws TlvFormatException {
    if (input.length - position < width) {
      throw fail("element truncated: needs " + width + " more bytes, " + (input.length - position) + " remain");
    }
    long result = 0;
    for (int i = 0; i < width; i++) {
      result |= (input[position + i] & 0xFFL) << (8 * i);
    }
    position += width;
    return result;
  }

  private void requireElement() {
    if (!hasElement) {
      throw new IllegalStateException("no current element: call next() first (and check it returned true)");
    }
  }

  private TlvFormatException fail(String message) {
    return new TlvFormatException(message, elementOffset);
  }

  private static String name(TlvType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
