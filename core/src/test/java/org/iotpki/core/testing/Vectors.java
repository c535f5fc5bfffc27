// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads committed test vectors from {@code src/test/resources/vectors/}. */
public final class Vectors {
  private Vectors() {}

  /** The bytes of {@code vectors/<path>}. */
  public static byte[] bytes(String path) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test vector " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
