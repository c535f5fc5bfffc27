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
   * @param name {@code "classical"}, {@code "alternative"}, {@code "ml-dsa"} or {@code "composite"}
   *     (a composite signature is verified as a whole: both halves or neither)
   * @param algorithmOid the signature algorithm's OID
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
