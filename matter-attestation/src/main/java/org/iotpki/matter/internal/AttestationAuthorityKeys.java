// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.iotpki.core.crypto.KeyAlgorithm;

/**
 * The keys a Matter PAA or PAI may have: EC P-256, and since the PQC phase 1 revision of the
 * specification ML-DSA-44 and ML-DSA-65 (the DAC stays P-256). A PAI may be no stronger than its
 * PAA (connectedhomeip's phase 1 chain rules: an ML-DSA-65 PAI under an ML-DSA-44 or P-256 PAA is
 * rejected, a P-256 PAI under an ML-DSA PAA is accepted).
 */
public final class AttestationAuthorityKeys {
  /** Weakest first: the order in which a PAI may not exceed its PAA. */
  private static final List<KeyAlgorithm> BY_STRENGTH =
      List.of(KeyAlgorithm.EC_P256, KeyAlgorithm.ML_DSA_44, KeyAlgorithm.ML_DSA_65);

  private AttestationAuthorityKeys() {}

  /** The key's algorithm when a PAA or PAI may have it. */
  public static Optional<KeyAlgorithm> of(PublicKey key) {
    return KeyAlgorithm.of(key).filter(BY_STRENGTH::contains);
  }

  /** Whether the key is ML-DSA-44 or ML-DSA-65. */
  public static boolean isMlDsa(PublicKey key) {
    return of(key).filter(algorithm -> algorithm != KeyAlgorithm.EC_P256).isPresent();
  }

  /** Whether the signature algorithm is ML-DSA-44 or ML-DSA-65, as a PQC PAA or PAI signs. */
  public static boolean isMlDsaSignature(String signatureOid) {
    return signatureOid.equals(KeyAlgorithm.ML_DSA_44.oid()) || signatureOid.equals(KeyAlgorithm.ML_DSA_65.oid());
  }

  /** Why a PAI with this key may not be under a PAA with that one, if it may not. */
  public static Optional<String> strongerThanIssuer(PublicKey pai, PublicKey paa) {
    Optional<KeyAlgorithm> paiAlgorithm = of(pai);
    Optional<KeyAlgorithm> paaAlgorithm = of(paa);
    if (paiAlgorithm.isEmpty() || paaAlgorithm.isEmpty()
        || BY_STRENGTH.indexOf(paiAlgorithm.get()) <= BY_STRENGTH.indexOf(paaAlgorithm.get())) {
      return Optional.empty(); // other keys are the format rules' business
    }
    return Optional.of("a " + KeyAlgorithm.describe(pai) + " PAI under a " + KeyAlgorithm.describe(paa)
        + " PAA: Matter allows no PAI stronger than its PAA");
  }
}
