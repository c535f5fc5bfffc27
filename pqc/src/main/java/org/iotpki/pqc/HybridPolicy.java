// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

/** Which signatures of a certificate a {@link HybridVerifier} requires. */
public enum HybridPolicy {
  /** Only the classical (ECDSA, EdDSA, RSA) signature; alternative signatures are ignored, as a legacy verifier would. */
  CLASSICAL_ONLY,
  /** Only an ML-DSA signature. */
  PQ_ONLY,
  /**
   * A composite ML-DSA signature, whose ML-DSA and traditional halves must both verify; each half
   * is reported on its own.
   */
  COMPOSITE,
  /** A catalyst certificate: the classical signature and the alternative (post-quantum) signature. */
  CATALYST
}
