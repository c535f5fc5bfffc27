// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.math.BigInteger;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A certificate serial number in hex, with or without {@code 0x} ({@code 7e57}, {@code 0x7E57}). */
final class HexSerialConverter implements ITypeConverter<BigInteger> {
  @Override
  public BigInteger convert(String value) {
    return parse(value).orElseThrow(
        () -> new TypeConversionException("'" + value + "' is not a serial number in hex"));
  }

  /** The serial {@code text} spells, if it is hex digits after an optional 0x. */
  static Optional<BigInteger> parse(String text) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(new BigInteger(digits, 16));
  }
}
