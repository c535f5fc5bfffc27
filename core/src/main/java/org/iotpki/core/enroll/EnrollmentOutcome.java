// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.core.cert.Credential;

/**
 * What an enrollment came to: a certificate, a wait, or a refusal. Transport failures are not
 * outcomes; they are {@link EnrollmentTransportException}s.
 */
public sealed interface EnrollmentOutcome
    permits EnrollmentOutcome.Issued, EnrollmentOutcome.Pending, EnrollmentOutcome.Rejected {

  /**
   * The CA issued a certificate.
   *
   * @param chain the new certificate first, then the other certificates the server sent with it
   * @param generatedKey the private key of the certificate when it was generated for this
   *     enrollment (on the client or by the server), empty when the caller supplied the key
   */
  record Issued(List<X509Certificate> chain, Optional<PrivateKey> generatedKey)
      implements EnrollmentOutcome {
    /** @throws IllegalArgumentException for an empty chain */
    public Issued {
      chain = List.copyOf(chain);
      Objects.requireNonNull(generatedKey, "generatedKey");
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("an issued outcome needs the certificate");
      }
    }

    /** The new certificate. */
    public X509Certificate certificate() {
      return chain.get(0);
    }

    /** The new credential, for a key this enrollment generated. */
    public Optional<Credential> credential() {
      return generatedKey.map(key -> new Credential(key, chain));
    }

    /** The new credential for the key the caller supplied. */
    public Credential credential(PrivateKey callersKey) {
      return new Credential(callersKey, chain);
    }

    @Override
    public String toString() {
      return "Issued[" + certificate().getSubjectX500Principal().getName() + ", serial "
          + certificate().getSerialNumber().toString(16) + ", chain of " + chain.size()
          + (generatedKey.isPresent() ? ", generated key" : "") + "]";
    }
  }

  /**
   * The server accepted the request but has not decided yet; {@link EnrollmentClient#poll} asks
   * again, at or after {@link PendingEnrollment#retryAt()}.
   */
  record Pending(PendingEnrollment enrollment) implements EnrollmentOutcome {
    public Pending {
      Objects.requireNonNull(enrollment, "enrollment");
    }
  }

  /**
   * The server refused the request.
   *
   * @param code the protocol's own failure code: the HTTP status for EST, the problem type for
   *     ACME, the failInfo for SCEP and CMP
   * @param detail the server's explanation, as text (possibly empty)
   */
  record Rejected(String code, String detail) implements EnrollmentOutcome {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
      return detail.isEmpty() ? code : code + " (" + detail + ")";
    }
  }
}
