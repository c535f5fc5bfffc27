// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.tlv;

import java.util.Objects;

/**
 * The tag of a Matter TLV element (Matter Core specification, appendix A.2).
 *
 * <pre>{@code
 * TlvTag.anonymous();                      // array members, the outermost structure
 * TlvTag.context(1);                       // members of a structure or list: 0..255
 * TlvTag.commonProfile(0x1234);            // the Matter common profile: 0..2^32-1
 * TlvTag.fullyQualified(0xFFF1, 0xDEED, 7) // vendor id, profile number, tag number
 * }</pre>
 *
 * @param kind the tag form
 * @param vendorId the vendor id of a fully-qualified tag, else 0
 * @param profileNumber the profile number of a fully-qualified tag, else 0
 * @param number the tag number (0 for an anonymous tag)
 */
public record TlvTag(Kind kind, int vendorId, int profileNumber, long number) {
  private static final long MAX_TAG_NUMBER = 0xFFFF_FFFFL;
  private static final TlvTag ANONYMOUS = new TlvTag(Kind.ANONYMOUS, 0, 0, 0);
  /** The 256 context tags, made once: readers hand them out for every element without allocating. */
  private static final TlvTag[] CONTEXT_TAGS = new TlvTag[256];

  static {
    for (int i = 0; i < CONTEXT_TAGS.length; i++) {
      CONTEXT_TAGS[i] = new TlvTag(Kind.CONTEXT, 0, 0, i);
    }
  }

  /** The tag forms. */
  public enum Kind {
    /** No tag. */
    ANONYMOUS,
    /** A one-byte tag whose meaning comes from the enclosing structure or list. */
    CONTEXT,
    /** A tag of the Matter common profile. */
    COMMON_PROFILE,
    /** A tag of the profile the reader and writer agreed on out of band. */
    IMPLICIT_PROFILE,
    /** A tag with its vendor id and profile number. */
    FULLY_QUALIFIED
  }

  /** @throws IllegalArgumentException if a field is out of range for the kind */
  public TlvTag {
    Objects.requireNonNull(kind, "kind");
    long maxNumber = switch (kind) {
      case ANONYMOUS -> 0;
      case CONTEXT -> 0xFF;
      default -> MAX_TAG_NUMBER;
    };
    boolean profiled = kind == Kind.FULLY_QUALIFIED;
    if (number < 0 || number > maxNumber) {
      throw new IllegalArgumentException(kind + " tag number out of range: " + number);
    }
    if (profiled ? (vendorId & ~0xFFFF) != 0 || (profileNumber & ~0xFFFF) != 0
        : vendorId != 0 || profileNumber != 0) {
      throw new IllegalArgumentException(
          "vendor id and profile number must be 16-bit, and only on a fully-qualified tag");
    }
  }

  /** The anonymous tag. */
  public static TlvTag anonymous() {
    return ANONYMOUS;
  }

  /** A context-specific tag, 0 to 255. */
  public static TlvTag context(int number) {
    if (number < 0 || number >= CONTEXT_TAGS.length) {
      throw new IllegalArgumentException(Kind.CONTEXT + " tag number out of range: " + number);
    }
    return CONTEXT_TAGS[number];
  }

  /** A tag of the Matter common profile, 0 to 2^32-1. */
  public static TlvTag commonProfile(long number) {
    return new TlvTag(Kind.COMMON_PROFILE, 0, 0, number);
  }

  /** A tag of the implicit profile, 0 to 2^32-1. */
  public static TlvTag implicitProfile(long number) {
    return new TlvTag(Kind.IMPLICIT_PROFILE, 0, 0, number);
  }

  /** A fully-qualified tag: 16-bit vendor id and profile number, tag number 0 to 2^32-1. */
  public static TlvTag fullyQualified(int vendorId, int profileNumber, long number) {
    return new TlvTag(Kind.FULLY_QUALIFIED, vendorId, profileNumber, number);
  }

  /** Whether this is the anonymous tag. */
  public boolean isAnonymous() {
    return kind == Kind.ANONYMOUS;
  }

  /** Whether this is the context-specific tag {@code number}. */
  public boolean isContext(int number) {
    return kind == Kind.CONTEXT && this.number == number;
  }

  /** A short form for people: {@code anonymous}, {@code 1}, {@code common:5}, {@code implicit:5}, {@code 0xFFF1:0xDEED:7}. */
  @Override
  public String toString() {
    return switch (kind) {
      case ANONYMOUS -> "anonymous";
      case CONTEXT -> Long.toString(number);
      case COMMON_PROFILE -> "common:" + number;
      case IMPLICIT_PROFILE -> "implicit:" + number;
      case FULLY_QUALIFIED -> String.format(java.util.Locale.ROOT, "0x%04X:0x%04X:%d", vendorId, profileNumber, number);
    };
  }
}
