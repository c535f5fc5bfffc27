// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a token's user PIN comes from, asked each time a token is opened so that the PIN is held
 * no longer than the login needs. The PIN is never logged nor put in an exception message.
 */
@FunctionalInterface
public interface PinSource {

  /**
   * The PIN. The caller clears the returned array after use.
   *
   * @throws IllegalStateException if the PIN is not available (an unset variable, a missing file)
   */
  char[] pin();

  /** The PIN in the environment variable {@code variable}, read when the token is opened. */
  static PinSource environment(String variable) {
    Objects.requireNonNull(variable, "variable");
    if (variable.isEmpty()) {
      throw new IllegalArgumentException("the PIN's environment variable needs a name");
    }
    return () -> {
      String value = System.getenv(variable);
      if (value == null) {
        throw new IllegalStateException("environment variable " + variable + " (the token PIN) is not set");
      }
      return value.toCharArray();
    };
  }

  /**
   * The PIN in the first line of a file: RFC 7512's {@code pin-source} with a file name. A line
   * break at the end is not part of the PIN.
   */
  static PinSource file(Path file) {
    Objects.requireNonNull(file, "file");
    return () -> {
      try {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        int end = content.indexOf('\n');
        String line = end < 0 ? content : content.substring(0, end);
        return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the token PIN file " + file, e);
      }
    };
  }

  /** A PIN the caller already holds (typed at a prompt); the array is copied. */
  static PinSource of(char[] pin) {
    char[] copy = Objects.requireNonNull(pin, "pin").clone();
    return copy::clone;
  }
}
