package org.iotpki.matter.tlv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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

  private final byte[] input;
  private final int maxDepth;
  private final List<Level> levels = new ArrayList<>();

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

  /** An open container: its type and, for a structure, the tags seen so far. */
  private record Level(TlvType type, Set<TlvTag> tags, int offset) {}

  private TlvReader(byte[] input, int maxDepth) {
    this.input = input;
    this.maxDepth = maxDepth;
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
      if (!levels.isEmpty()) {
        Level open = levels.get(levels.size() - 1);
        throw new TlvFormatException(
            "input ends inside a " + name(open.type()) + " (no end-of-container)", open.offset());
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
    return levels.size();
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

  /** Enters the current element, which must be a container. */
  public void enterContainer() throws TlvFormatException {
    requireElement();
    if (!type.isContainer()) {
      throw fail("expected a container, found " + name(type));
    }
    if (levels.size() >= maxDepth) {
      throw fail("containers nested deeper than " + maxDepth + " levels");
    }
    levels.add(new Level(type, type == TlvType.STRUCTURE ? new HashSet<>() : Set.of(), elementOffset));
    hasElement = false;
  }

  /** Skips the rest of the current container, checking it, and returns to its parent's level. */
  public void exitContainer() throws TlvFormatException {
    if (levels.isEmpty()) {
      throw new IllegalStateException("not inside a container");
    }
    while (next()) {
      // Each member is read, and so checked, on the way to the end-of-container.
    }
    atContainerEnd = false;
    hasElement = false;
    levels.remove(levels.size() - 1);
  }

  /** Checks that the input ends here, on the top level. */
  public void expectEnd() throws TlvFormatException {
    if (!levels.isEmpty()) {
      throw new TlvFormatException("a container is still open", levels.get(levels.size() - 1).offset());
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
    if (levels.isEmpty()) {
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
    if (levels.isEmpty()) {
      if (tag.kind() == TlvTag.Kind.CONTEXT) {
        throw fail("context-specific tag " + tag + " outside a structure or list");
      }
      return;
    }
    Level level = levels.get(levels.size() - 1);
    switch (level.type()) {
      case STRUCTURE -> {
        if (tag.isAnonymous()) {
          throw fail("anonymous member in a structure");
        }
        if (!level.tags().add(tag)) {
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

  private void checkUtf8() throws TlvFormatException {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(input, valueOffset, valueLength));
    } catch (CharacterCodingException e) {
      throw fail("UTF-8 string is not valid UTF-8");
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
