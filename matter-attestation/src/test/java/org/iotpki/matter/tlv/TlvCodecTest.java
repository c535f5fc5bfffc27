// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The encodings of Matter Core appendix A, written canonically and read back. */
class TlvCodecTest {
  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void writesEveryElementTypeInItsShortestForm() {
    assertThat(hex(TlvWriter.create().putBoolean(TlvTag.anonymous(), false).toByteArray())).isEqualTo("08");
    assertThat(hex(TlvWriter.create().putBoolean(TlvTag.anonymous(), true).toByteArray())).isEqualTo("09");
    assertThat(hex(TlvWriter.create().putSigned(TlvTag.anonymous(), 42).toByteArray())).isEqualTo("002a");
    assertThat(hex(TlvWriter.create().putSigned(TlvTag.anonymous(), -17).toByteArray())).isEqualTo("00ef");
    assertThat(hex(TlvWriter.create().putSigned(TlvTag.anonymous(), -170000).toByteArray())).isEqualTo("02f067fdff");
    assertThat(hex(TlvWriter.create().putSigned(TlvTag.anonymous(), 40000000000L).toByteArray())).isEqualTo("0300902f5009000000");
    assertThat(hex(TlvWriter.create().putUnsigned(TlvTag.anonymous(), 42).toByteArray())).isEqualTo("042a");
    assertThat(hex(TlvWriter.create().putUnsigned(TlvTag.anonymous(), 300).toByteArray())).isEqualTo("052c01");
    assertThat(hex(TlvWriter.create().putUnsigned(TlvTag.anonymous(), -1L).toByteArray())).isEqualTo("07ffffffffffffffff");
    assertThat(hex(TlvWriter.create().putString(TlvTag.anonymous(), "Hello!").toByteArray())).isEqualTo("0c0648656c6c6f21");
    assertThat(hex(TlvWriter.create().putBytes(TlvTag.anonymous(), hex("0001020304")).toByteArray())).isEqualTo("10050001020304");
    assertThat(hex(TlvWriter.create().putNull(TlvTag.anonymous()).toByteArray())).isEqualTo("14");
    assertThat(hex(TlvWriter.create().putFloat(TlvTag.anonymous(), 0f).toByteArray())).isEqualTo("0a00000000");
    assertThat(hex(TlvWriter.create().putDouble(TlvTag.anonymous(), 1.0 / 3).toByteArray())).isEqualTo("0b555555555555d53f");
    assertThat(hex(TlvWriter.create().startStructure(TlvTag.anonymous()).endContainer().toByteArray())).isEqualTo("1518");
    assertThat(hex(TlvWriter.create().startArray(TlvTag.anonymous()).endContainer().toByteArray())).isEqualTo("1618");
    assertThat(hex(TlvWriter.create().startList(TlvTag.anonymous()).endContainer().toByteArray())).isEqualTo("1718");
    byte[] longString = new byte[300];
    assertThat(hex(TlvWriter.create().putBytes(TlvTag.anonymous(), longString).toByteArray())).startsWith("112c01");
  }

  @ParameterizedTest
  @CsvSource({
    "CONTEXT, 0, 0, 1, 15 24 01 2a 18",
    "COMMON_PROFILE, 0, 0, 1, 44 01 00 2a",
    "COMMON_PROFILE, 0, 0, 305419896, 64 78 56 34 12 2a",
    "IMPLICIT_PROFILE, 0, 0, 1, 84 01 00 2a",
    "IMPLICIT_PROFILE, 0, 0, 305419896, a4 78 56 34 12 2a",
    "FULLY_QUALIFIED, 65521, 57069, 43605, c4 f1 ff ed de 55 aa 2a",
    "FULLY_QUALIFIED, 65521, 57069, 2863315899, e4 f1 ff ed de bb bb aa aa 2a",
  })
  void writesAndReadsEveryTagForm(TlvTag.Kind kind, int vendor, int profile, long number, String expected) throws Exception {
    TlvTag tag = new TlvTag(kind, vendor, profile, number);
    TlvWriter writer = TlvWriter.create();
    if (kind == TlvTag.Kind.CONTEXT) {
      writer.startStructure(TlvTag.anonymous()).putUnsigned(tag, 42).endContainer();
    } else {
      writer.putUnsigned(tag, 42);
    }
    byte[] encoded = writer.toByteArray();
    assertThat(hex(encoded)).isEqualTo(expected.replace(" ", ""));

    TlvReader reader = TlvReader.of(encoded);
    assertThat(reader.next()).isTrue();
    if (kind == TlvTag.Kind.CONTEXT) {
      reader.enterContainer();
      assertThat(reader.next()).isTrue();
    }
    assertThat(reader.tag()).isEqualTo(tag);
    assertThat(reader.getUnsigned()).isEqualTo(42);
  }

  @Test
  void readsNestedContainersAndSkipsWhatIsNotEntered() throws Exception {
    byte[] tlv = TlvWriter.create()
        .startStructure(TlvTag.anonymous())
        .startArray(TlvTag.context(1)).putSigned(TlvTag.anonymous(), -5).putNull(TlvTag.anonymous()).endContainer()
        .startList(TlvTag.context(2)).putString(TlvTag.context(9), "x").putString(TlvTag.context(9), "y").endContainer()
        .putDouble(TlvTag.context(3), 2.5)
        .endContainer().toByteArray();
    TlvReader reader = TlvReader.of(tlv);
    reader.next();
    reader.enterContainer();
    assertThat(reader.next()).isTrue();
    assertThat(reader.type()).isEqualTo(TlvType.ARRAY);
    assertThat(reader.next()).isTrue();           // the array is skipped, and checked
    assertThat(reader.tag()).isEqualTo(TlvTag.context(2));
    reader.enterContainer();
    assertThat(reader.next()).isTrue();
    assertThat(reader.getString()).isEqualTo("x");
    reader.exitContainer();                        // "y" is skipped
    assertThat(reader.next()).isTrue();
    assertThat(reader.getDouble()).isEqualTo(2.5);
    assertThat(reader.next()).isFalse();
    reader.exitContainer();
    reader.expectEnd();
    assertThat(TlvText.format(tlv)).isEqualTo("""
        anonymous: structure {
          1: array {
            signed integer -5
            null\s
          }
          2: list {
            9: utf8 string "x"
            9: utf8 string "y"
          }
          3: float 2.5
        }
        """);
  }

  @Test
  void readsNonCanonicalWidths() throws Exception {
    TlvReader reader = TlvReader.of(hex("01 2a 00"));
    reader.next();
    assertThat(reader.getSigned()).isEqualTo(42);
    assertThat(hex(org.iotpki.matter.testing.TlvCopy.canonical(hex("01 2a 00")))).isEqualTo("002a");
  }

  @ParameterizedTest
  @CsvSource({
    "'', 0, '15', 'input ends inside a structure'",
    "truncated integer, 0, '25 01 2a', 'context-specific tag'",
    "truncated value, 0, '05 2a', 'element truncated'",
    "string past end, 0, '0c 05 41 42', 'string length 5 exceeds the remaining 2 bytes'",
    "huge 8-byte length, 0, '13 ff ff ff ff ff ff ff ff', 'exceeds the remaining'",
    "reserved type, 0, '19', 'reserved element type 0x19'",
    "end at top level, 0, '18', 'end-of-container outside any container'",
    "tagged end, 1, '15 38 01', 'end-of-container with a tag'",
    "anonymous in structure, 1, '15 04 01 18', 'anonymous member in a structure'",
    "tagged in array, 1, '16 24 01 01 18', 'tagged member 1 in an array'",
    "duplicate tag, 4, '15 24 01 01 24 01 02 18', 'duplicate tag 1 in a structure'",
    "bad utf-8, 0, '0c 02 c3 28', 'not valid UTF-8'",
    "trailing data, 2, '15 18 04 01', 'data after the last element'",
    "truncated tag, 0, 'c4 f1 ff', 'element truncated'",
  })
  void everyMalformationIsATypedErrorWithItsOffset(String name, long offset, String tlv, String message) {
    assertThatThrownBy(() -> {
          TlvText.format(hex(tlv));
          TlvReader reader = TlvReader.of(hex(tlv));
          reader.next();
          reader.expectEnd();
        })
        .as(name)
        .isInstanceOf(TlvFormatException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((TlvFormatException) e).offset()).isEqualTo(offset));
  }

  @Test
  void nestingIsCapped() {
    byte[] deep = new byte[2 * 40];
    java.util.Arrays.fill(deep, 0, 40, (byte) 0x17);
    java.util.Arrays.fill(deep, 40, 80, (byte) 0x18);
    assertThatThrownBy(() -> TlvText.format(deep))
        .isInstanceOf(TlvFormatException.class)
        .hasMessageContaining("nested deeper than 16");
  }

  @Test
  void theWriterRefusesWhatAReaderWouldReject() {
    assertThatThrownBy(() -> TlvWriter.create().putNull(TlvTag.context(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TlvWriter.create().startStructure(TlvTag.anonymous()).putNull(TlvTag.anonymous()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TlvWriter.create().startArray(TlvTag.anonymous()).putNull(TlvTag.context(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TlvWriter.create().startStructure(TlvTag.anonymous()).putNull(TlvTag.context(1)).putNull(TlvTag.context(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TlvWriter.create().endContainer()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TlvWriter.create().startList(TlvTag.anonymous()).toByteArray()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TlvTag.context(256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TlvTag.fullyQualified(0x10000, 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomTreesSurviveWriteReadWrite() throws Exception {
    java.util.Random random = new java.util.Random(6);
    for (int i = 0; i < 500; i++) {
      TlvWriter writer = TlvWriter.create().startList(TlvTag.anonymous());
      randomMembers(random, writer, 0);
      byte[] tlv = writer.endContainer().toByteArray();
      assertThat(org.iotpki.matter.testing.TlvCopy.canonical(tlv)).isEqualTo(tlv);
    }
  }

  private static void randomMembers(java.util.Random random, TlvWriter writer, int depth) {
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      TlvTag tag = switch (random.nextInt(4)) {
        case 0 -> TlvTag.anonymous();
        case 1 -> TlvTag.context(random.nextInt(256));
        case 2 -> TlvTag.commonProfile(random.nextLong() >>> 32);
        default -> TlvTag.fullyQualified(random.nextInt(0x10000), random.nextInt(0x10000), random.nextLong() >>> 32);
      };
      switch (random.nextInt(depth < 3 ? 9 : 7)) {
        case 0 -> writer.putSigned(tag, random.nextLong() >> random.nextInt(64));
        case 1 -> writer.putUnsigned(tag, random.nextLong() >>> random.nextInt(64));
        case 2 -> writer.putBoolean(tag, random.nextBoolean());
        case 3 -> writer.putDouble(tag, random.nextDouble());
        case 4 -> writer.putString(tag, "v" + random.nextInt());
        case 5 -> writer.putBytes(tag, new byte[random.nextInt(300)]);
        case 6 -> writer.putNull(tag);
        default -> {
          writer.startList(tag);
          randomMembers(random, writer, depth + 1);
          writer.endContainer();
        }
      }
    }
  }
}
