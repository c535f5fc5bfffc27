package org.iotpki.core.lifecycle;

import java.security.PrivateKey;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.core.enroll.PendingEnrollment;

/**
 * An enrollment begun and not finished, as a {@link CredentialStore} keeps it across restarts.
 *
 * @param key the private key the request was (or is about to be) made for
 * @param pending the CA's "pending" answer and how to poll it; empty until the CA gave one
 */
public record InFlightEnrollment(PrivateKey key, Optional<PendingEnrollment> pending) {
  public InFlightEnrollment {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(pending, "pending");
  }

  @Override
  public String toString() {
    return "InFlightEnrollment[" + key.getAlgorithm() + " key"
        + pending.map(p -> ", pending " + p.protocol()).orElse("") + "]";
  }
}
