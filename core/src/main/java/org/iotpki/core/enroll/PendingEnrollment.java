// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.iotpki.core.PkiParseException;

/**
 * An enrollment the server has not decided yet, with everything needed to ask again: after a
 * reboot, a device reads this back with {@link #decode} and calls {@link EnrollmentClient#poll},
 * continuing the same transaction instead of starting a new one.
 *
 * <p>The {@link #state()} is the protocol client's own (the request to re-send, a generated key);
 * it can hold a private key, so store the encoding like one.
 *
 * @param protocol the protocol of the client that made it ({@code est}, {@code scep}, ...)
 * @param transactionId the protocol's transaction identifier, or one derived from the request
 * @param retryAt the earliest time the server wants to be asked again
 * @param state the client's key/value state: keys of {@code [a-z0-9.-]}, single-line values
 */
public record PendingEnrollment(
    String protocol, String transactionId, Instant retryAt, Map<String, String> state) {

  /** The state key under which a client records the URI of the server it enrolled with. */
  public static final String SERVER = "uri";

  /** The most bytes {@link #decode} reads. */
  public static final int MAX_ENCODED_BYTES = 256 * 1024;

  private static final String MAGIC = "iotpki-pending-enrollment: 1";
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
  private static final int MAX_ENTRIES = 64;

  /** @throws IllegalArgumentException for state keys or values the encoding cannot carry */
  public PendingEnrollment {
    requireToken(protocol, "protocol");
    requireValue(transactionId, "transactionId");
    Objects.requireNonNull(retryAt, "retryAt");
    state = Map.copyOf(state);
    if (state.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("more than " + MAX_ENTRIES + " state entries");
    }
    state.forEach(
        (key, value) -> {
          requireToken(key, "state key");
          requireValue(value, "state value of " + key);
        });
  }

  /** A protocol state value, or an {@link IllegalArgumentException} naming what is missing. */
  public String require(String key) {
    String value = state.get(key);
    if (value == null) {
      throw new IllegalArgumentException(
          "the pending " + protocol + " enrollment has no " + key + "; was it made by another"
              + " client?");
    }
    return value;
  }

  /** The URI of the server the enrollment is with, as its client recorded it under {@link #SERVER}. */
  public URI server() {
    return URI.create(require(SERVER));
  }

  /**
   * Checks that a client of {@code expectedProtocol} made this enrollment.
   *
   * @throws IllegalArgumentException if a client of another protocol made it
   */
  public void requireProtocol(String expectedProtocol) {
    if (!protocol.equals(expectedProtocol)) {
      throw new IllegalArgumentException("not a " + expectedProtocol + " enrollment but "
          + protocol + "; poll it with its own client");
    }
  }

  /**
   * Checks that a client of {@code expectedProtocol} made this enrollment with {@code
   * expectedServer}, so that polling it there continues the same transaction.
   *
   * @throws IllegalArgumentException for another protocol or another server
   */
  public void requireMadeBy(String expectedProtocol, URI expectedServer) {
    requireProtocol(expectedProtocol);
    if (!require(SERVER).equals(expectedServer.toString())) {
      throw new IllegalArgumentException(
          "the pending enrollment is with " + server() + ", not " + expectedServer);
    }
  }

  /** A UTF-8 text form, one {@code name: value} per line, for a file or a key-value store. */
  public byte[] encode() {
    StringBuilder text = new StringBuilder(MAGIC).append('\n');
    text.append("protocol: ").append(protocol).append('\n');
    text.append("transaction-id: ").append(transactionId).append('\n');
    text.append("retry-at: ").append(retryAt).append('\n');
    state.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> text.append("state.").append(e.getKey()).append(": ")
            .append(e.getValue()).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads back what {@link #encode()} wrote.
   *
   * @throws PkiParseException if {@code encoded} is not such a text
   */
  public static PendingEnrollment decode(byte[] encoded) throws PkiParseException {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length > MAX_ENCODED_BYTES) {
      throw new PkiParseException("pending enrollment larger than " + MAX_ENCODED_BYTES + " bytes");
    }
    String[] lines = new String(encoded, StandardCharsets.UTF_8).split("\n", -1);
    if (lines.length < 4 || !lines[0].equals(MAGIC)) {
      throw new PkiParseException("not an iotpki pending enrollment (first line: " + MAGIC + ")");
    }
    String protocol = field(lines[1], "protocol");
    String transactionId = field(lines[2], "transaction-id");
    String retryAt = field(lines[3], "retry-at");
    Map<String, String> state = new LinkedHashMap<>();
    for (int i = 4; i < lines.length; i++) {
      if (lines[i].isEmpty() && i == lines.length - 1) {
        break;
      }
      int colon = lines[i].indexOf(": ");
      if (!lines[i].startsWith("state.") || colon < 0) {
        throw new PkiParseException("line " + (i + 1) + " is not a state.NAME: VALUE line");
      }
      if (state.put(lines[i].substring(6, colon), lines[i].substring(colon + 2)) != null) {
        throw new PkiParseException("line " + (i + 1) + " repeats a state name");
      }
    }
    try {
      return new PendingEnrollment(protocol, transactionId, Instant.parse(retryAt), state);
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new PkiParseException("malformed pending enrollment: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    // The state may hold a private key.
    return "PendingEnrollment[" + protocol + ", " + transactionId + ", retry at " + retryAt + "]";
  }

  private static String field(String line, String name) throws PkiParseException {
    String prefix = name + ": ";
    if (!line.startsWith(prefix)) {
      throw new PkiParseException("expected the line '" + prefix + "...', found '"
          + line.substring(0, Math.min(line.length(), 40)) + "'");
    }
    return line.substring(prefix.length());
  }

  private static void requireToken(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!KEY.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must match " + KEY + ": " + value);
    }
  }

  private static void requireValue(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(what + " must be one non-empty line");
    }
  }
}
