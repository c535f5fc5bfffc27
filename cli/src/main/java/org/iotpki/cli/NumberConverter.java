// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Numbers in decimal or 0x-hex ({@code 2097152}, {@code 0x200000}), as every iotpki option takes them. */
final class NumberConverter implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    try {
      return value.startsWith("0x") || value.startsWith("0X")
          ? Long.parseLong(value.substring(2), 16)
          : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a number (decimal, or hex with 0x)");
    }
  }
}
