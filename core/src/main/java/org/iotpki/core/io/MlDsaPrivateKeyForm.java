// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.io;

/**
 * The three encodings of an ML-DSA private key in PKCS#8 (RFC 9881, {@code ML-DSA-PrivateKey}).
 *
 * <p>{@link PkiReader} reads all three. {@link PemEncoder#privateKey(java.security.PrivateKey)}
 * writes {@link #SEED} where the seed is known (RFC 9881 recommends it: 32 bytes, from which the
 * rest follows) and {@link #EXPANDED} otherwise.
 */
public enum MlDsaPrivateKeyForm {
  /** {@code seed [0] IMPLICIT OCTET STRING (SIZE (32))}: the FIPS 204 key generation seed. */
  SEED,
  /** {@code expandedKey OCTET STRING}: the FIPS 204 private key (2560, 4032 or 4896 bytes). */
  EXPANDED,
  /** {@code both SEQUENCE {seed, expandedKey}}, as BouncyCastle writes by default. */
  BOTH
}
