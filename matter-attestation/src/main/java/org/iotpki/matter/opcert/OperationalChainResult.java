// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link OperationalChainValidator}: {@link Valid} with the node's identity, or
 * {@link Invalid} with the rule that failed and the certificate that broke it.
 *
 * <pre>{@code
 * OperationalChainResult result = OperationalChainValidator.defaults().validate(noc, icac, rcac, now);
 * if (result instanceof OperationalChainResult.Invalid invalid) {
 *   reject(invalid.reason(), invalid.certificate());   // e.g. FABRIC_ID_MISMATCH at ICAC
 * }
 * }</pre>
 */
public sealed interface OperationalChainResult permits OperationalChainResult.Valid, OperationalChainResult.Invalid {

  /** Whether the chain is valid. */
  boolean isValid();

  /**
   * The chain is valid.
   *
   * @param nodeId the NOC's operational node id
   * @param fabricId the fabric id
   * @param caseAuthenticatedTags the NOC's CASE Authenticated Tags, in order (at most 3)
   */
  record Valid(long nodeId, long fabricId, List<Long> caseAuthenticatedTags) implements OperationalChainResult {
    public Valid {
      caseAuthenticatedTags = List.copyOf(caseAuthenticatedTags);
    }

    @Override
    public boolean isValid() {
      return true;
    }
  }

  /**
   * The chain is invalid.
   *
   * @param reason the rule that failed
   * @param certificate the certificate that broke it
   * @param message a description for people
   */
  record Invalid(OperationalChainFailure reason, CertificateRole certificate, String message) implements OperationalChainResult {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean isValid() {
      return false;
    }
  }
}
