// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp;

import java.util.Objects;

/**
 * The parameters of PasswordBasedMac protection (RFC 4211 section 4.4, RFC 9481 section 6.1.1):
 * the one-way function that derives the key from the shared secret, how often it is iterated, and
 * the MAC.
 *
 * @param owf the one-way function: {@code SHA-256}, {@code SHA-384}, {@code SHA-512} (or {@code
 *     SHA-1} with {@link #allowWeak()})
 * @param iterations how often the one-way function is applied
 * @param mac the MAC: {@code HMAC-SHA256}, {@code HMAC-SHA384}, {@code HMAC-SHA512} (or {@code
 *     HMAC-SHA1} with {@link #allowWeak()})
 * @param weakAllowed whether parameters below the strict minimum are accepted, here and in the
 *     server's answers (which must otherwise meet the same floors and a salt of {@link
 *     #MIN_SALT_BYTES})
 */
public record PbmParameters(String owf, int iterations, String mac, boolean weakAllowed) {
  /** The fewest iterations accepted without {@link #allowWeak()}, as RFC 9481 asks (1,000 or more). */
  public static final int MIN_ITERATIONS = 1_000;

  /** The shortest salt accepted in an answer without {@link #allowWeak()}: 128 bits (NIST SP 800-132), as ours. */
  public static final int MIN_SALT_BYTES = 16;

  /** The most iterations accepted from a server: more would let it make us burn CPU at will. */
  public static final int MAX_ITERATIONS = 100_000;

  /**
   * @throws IllegalArgumentException for an unknown algorithm, or weak parameters not allowed
   */
  public PbmParameters {
    Objects.requireNonNull(owf, "owf");
    Objects.requireNonNull(mac, "mac");
    boolean weak = owf.equals("SHA-1") || mac.equals("HMAC-SHA1") || iterations < MIN_ITERATIONS;
    if (!owf.matches("SHA-(1|256|384|512)") || !mac.matches("HMAC-SHA(1|256|384|512)")) {
      throw new IllegalArgumentException("unsupported PBM algorithms " + owf + "/" + mac);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("PBM iterations out of range: " + iterations);
    }
    if (weak && !weakAllowed) {
      throw new IllegalArgumentException("weak PBM parameters (" + owf + ", " + iterations + " x, "
          + mac + "); allowWeak() if a legacy CA needs them");
    }
  }

  /** SHA-256, 10,000 iterations, HMAC-SHA256. */
  public static PbmParameters defaults() {
    return new PbmParameters("SHA-256", 10_000, "HMAC-SHA256", false);
  }

  /**
   * These parameters, with SHA-1, HMAC-SHA1, fewer iterations and (in answers) shorter salts
   * accepted: the named opt-out, for a legacy CA such as OpenSSL 3.0's mock server (500
   * iterations, HMAC-SHA1).
   */
  public PbmParameters allowWeak() {
    return new PbmParameters(owf, iterations, mac, true);
  }
}
