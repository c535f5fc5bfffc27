// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import java.util.List;
import java.util.Objects;
import org.iotpki.core.validation.SignatureResult;

/**
 * The answer of a {@link HybridVerifier}: whether the policy accepts the certificate, and the
 * result of each signature component it checked.
 *
 * @param policy the policy applied
 * @param accepted whether every component the policy requires is present and verified
 * @param components what was checked, in order
 * @param message why the policy did not accept, for people (empty when accepted)
 */
public record HybridVerification(HybridPolicy policy, boolean accepted, List<Component> components, String message) {

  /**
   * One checked signature.
   *
   * @param name {@code "classical"} or {@code "alternative"} (catalyst), {@code "ml-dsa"} (pure
   *     ML-DSA, or the ML-DSA half of a composite signature), {@code "traditional"} (the other
   *     half of a composite signature), or {@code "composite"} (a signature that is not
   *     composite under the COMPOSITE policy, or whose key does not fit)
   * @param algorithmOid the signature algorithm's OID; for a composite half, that half's own
   *     algorithm (for example id-ml-dsa-44, ecdsa-with-SHA256)
   * @param result the verification result
   */
  public record Component(String name, String algorithmOid, SignatureResult result) {
    public Component {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(algorithmOid, "algorithmOid");
      Objects.requireNonNull(result, "result");
    }
  }

  public HybridVerification {
    Objects.requireNonNull(policy, "policy");
    components = List.copyOf(components);
    Objects.requireNonNull(message, "message");
  }
}
