// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The context string of an ML-DSA or HashML-DSA signature (FIPS 204, {@code ctx}, 0 to 255
 * bytes): signer and verifier must use the same one, so a signature made for one protocol does not
 * verify in another.
 *
 * <pre>{@code
 * Signer signer = Signer.of(keyPair, SignatureAlgorithm.ML_DSA_44, providers, SignatureContext.of("fw-update-v1"));
 * }</pre>
 *
 * <p>X.509 certificates, CRLs and CMS (RFC 9881, RFC 9882) use the empty context.
 */
public final class SignatureContext {
  /** The longest context FIPS 204 allows, in bytes. */
  public static final int MAX_BYTES = 255;

  private static final SignatureContext EMPTY = new SignatureContext(new byte[0]);

  private final byte[] value;

  private SignatureContext(byte[] value) {
    this.value = value;
  }

  /** The empty context, as certificates and CMS use it. */
  public static SignatureContext empty() {
    return EMPTY;
  }

  /**
   * A context of these bytes.
   *
   * @throws IllegalArgumentException if longer than {@value #MAX_BYTES} bytes
   */
  public static SignatureContext of(byte[] value) {
    Objects.requireNonNull(value, "value");
    if (value.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "an ML-DSA context has at most " + MAX_BYTES + " bytes, not " + value.length);
    }
    return value.length == 0 ? EMPTY : new SignatureContext(value.clone());
  }

  /** A context of the UTF-8 bytes of {@code text}. */
  public static SignatureContext of(String text) {
    return of(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
  }

  /** Whether this is the empty context. */
  public boolean isEmpty() {
    return value.length == 0;
  }

  /** The context bytes (a copy). */
  public byte[] bytes() {
    return value.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignatureContext && Arrays.equals(value, ((SignatureContext) other).value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "SignatureContext[" + value.length + " bytes]";
  }
}
