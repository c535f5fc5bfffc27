// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.enroll.PendingEnrollment;

/**
 * Which files of a {@link FileCredentialStore} are what: the one small file whose atomic
 * replacement commits every change of the store. Credential and key files are numbered by
 * generation and never rewritten, so this is the only file a change replaces.
 */
record StoreState(
    long nextGeneration,
    OptionalLong current,
    OptionalLong staged,
    OptionalLong previous,
    OptionalLong inFlightKey,
    Optional<PendingEnrollment> pending) {

  static final int MAX_ENCODED_BYTES = PendingEnrollment.MAX_ENCODED_BYTES * 2;
  private static final String MAGIC = "iotpki-credential-store: 1";

  static StoreState empty() {
    return new StoreState(1, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty());
  }

  StoreState {
    if (pending.isPresent() && inFlightKey.isEmpty()) {
      throw new IllegalArgumentException("a pending enrollment needs its key");
    }
  }

  /** Whether {@code generation} is referenced, so its file must be kept. */
  boolean references(long generation) {
    return is(current, generation) || is(staged, generation) || is(previous, generation)
        || is(inFlightKey, generation);
  }

  StoreState withCurrent(OptionalLong value) {
    return new StoreState(nextGeneration, value, staged, previous, inFlightKey, pending);
  }

  StoreState withStaged(OptionalLong value) {
    return new StoreState(nextGeneration, current, value, previous, inFlightKey, pending);
  }

  StoreState withPrevious(OptionalLong value) {
    return new StoreState(nextGeneration, current, staged, value, inFlightKey, pending);
  }

  StoreState withInFlight(OptionalLong key, Optional<PendingEnrollment> value) {
    return new StoreState(nextGeneration, current, staged, previous, key, value);
  }

  StoreState withNextGeneration(long value) {
    return new StoreState(value, current, staged, previous, inFlightKey, pending);
  }

  byte[] encode() {
    StringBuilder text = new StringBuilder(MAGIC).append('\n');
    text.append("next=").append(nextGeneration).append('\n');
    append(text, "current", current);
    append(text, "staged", staged);
    append(text, "previous", previous);
    append(text, "in-flight-key", inFlightKey);
    pending.ifPresent(p -> text.append("pending=")
        .append(Base64.getEncoder().encodeToString(p.encode())).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  static StoreState decode(byte[] encoded) throws PkiParseException {
    if (encoded.length > MAX_ENCODED_BYTES) {
      throw new PkiParseException("credential store state larger than " + MAX_ENCODED_BYTES);
    }
    String[] lines = new String(encoded, StandardCharsets.UTF_8).split("\n", -1);
    if (lines.length < 2 || !lines[0].equals(MAGIC) || !lines[lines.length - 1].isEmpty()) {
      throw new PkiParseException("not an iotpki credential store state (or cut short)");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 1; i < lines.length - 1; i++) {
      int equals = lines[i].indexOf('=');
      if (equals < 1 || fields.put(lines[i].substring(0, equals),
          lines[i].substring(equals + 1)) != null) {
        throw new PkiParseException("malformed or repeated credential store line " + (i + 1));
      }
    }
    try {
      OptionalLong next = generation(fields.remove("next"));
      StoreState state = new StoreState(
          next.orElseThrow(() -> new PkiParseException("credential store state without next")),
          generation(fields.remove("current")),
          generation(fields.remove("staged")),
          generation(fields.remove("previous")),
          generation(fields.remove("in-flight-key")),
          pending(fields.remove("pending")));
      if (!fields.isEmpty()) {
        throw new PkiParseException("unknown credential store fields " + fields.keySet());
      }
      return state;
    } catch (IllegalArgumentException e) {
      throw new PkiParseException("inconsistent credential store state: " + e.getMessage(), e);
    }
  }

  private static OptionalLong generation(String value) throws PkiParseException {
    if (value == null) {
      return OptionalLong.empty();
    }
    if (!value.matches("[1-9][0-9]{0,17}")) {
      throw new PkiParseException("bad credential store generation " + value);
    }
    return OptionalLong.of(Long.parseLong(value));
  }

  private static Optional<PendingEnrollment> pending(String value) throws PkiParseException {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(PendingEnrollment.decode(Base64.getDecoder().decode(value)));
    } catch (IllegalArgumentException e) {
      throw new PkiParseException("bad base64 in the pending enrollment", e);
    }
  }

  private static void append(StringBuilder text, String name, OptionalLong value) {
    value.ifPresent(v -> text.append(name).append('=').append(v).append('\n'));
  }

  private static boolean is(OptionalLong value, long generation) {
    return value.isPresent() && value.getAsLong() == generation;
  }
}
