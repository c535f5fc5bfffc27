// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.iotpki.core.crypto.KeyAlgorithm;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A key algorithm by display name ({@code ML-DSA-44}, {@code MLDSA65-ECDSA-P256-SHA512}, {@code EC P-256}) or constant name. */
final class KeyAlgorithmConverter implements ITypeConverter<KeyAlgorithm> {
  @Override
  public KeyAlgorithm convert(String value) {
    String wanted = normalize(value);
    for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
      if (normalize(algorithm.name()).equals(wanted) || normalize(algorithm.displayName()).equals(wanted)) {
        return algorithm;
      }
    }
    throw new TypeConversionException("unknown algorithm '" + value + "'; one of: "
        + Arrays.stream(KeyAlgorithm.values()).map(KeyAlgorithm::displayName).collect(Collectors.joining(", ")));
  }

  private static String normalize(String name) {
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }
}
