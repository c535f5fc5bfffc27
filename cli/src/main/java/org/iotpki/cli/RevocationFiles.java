// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.revocation.RevocationDelta;
import org.iotpki.core.revocation.RevocationFilter;
import org.iotpki.core.revocation.RevocationView;

/** The files the revocation commands read: serial lists, filters and deltas. */
final class RevocationFiles {
  private RevocationFiles() {}

  /**
   * The serials of a serial file: one per line in hex, with or without 0x; blank lines and
   * everything after a {@code #} are ignored.
   *
   * @throws PkiParseException naming the file and line of something that is not a hex serial
   */
  static List<BigInteger> serials(Path file) throws IOException, PkiParseException {
    List<BigInteger> serials = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int comment = line.indexOf('#');
      String text = (comment >= 0 ? line.substring(0, comment) : line).strip();
      if (text.isEmpty()) {
        continue;
      }
      int lineNumber = i + 1;
      serials.add(HexSerialConverter.parse(text).orElseThrow(
          () -> new PkiParseException(file + " line " + lineNumber + ": '" + text + "' is not a serial number in hex")));
    }
    return serials;
  }

  /**
   * The filter in {@code filter} with the deltas in {@code deltas} applied in order.
   *
   * @throws IllegalArgumentException if a delta is for another filter or out of sequence
   */
  static RevocationView view(Path filter, List<Path> deltas) throws IOException, PkiParseException {
    RevocationView view = RevocationView.of(decoded(filter, RevocationFilter::decode));
    for (Path delta : deltas) {
      view = view.apply(decoded(delta, RevocationDelta::decode));
    }
    return view;
  }

  @FunctionalInterface
  private interface Decoder<T> {
    T decode(byte[] encoded) throws PkiParseException;
  }

  /** Decodes a file, naming it when it is malformed. */
  private static <T> T decoded(Path file, Decoder<T> decoder) throws IOException, PkiParseException {
    try {
      return decoder.decode(Files.readAllBytes(file));
    } catch (PkiParseException e) {
      throw new PkiParseException(file + ": " + e.getMessage(), e);
    }
  }
}
