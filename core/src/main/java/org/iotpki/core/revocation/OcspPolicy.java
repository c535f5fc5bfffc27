// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

/** What an {@link OcspClient} does when it cannot get a response. */
public enum OcspPolicy {
  /**
   * The default: no verified response, no acceptance. An unreachable responder gives {@link
   * RevocationResult.Unknown}.
   */
  HARD_FAIL,
  /**
   * An unreachable responder (no connection, timeout, HTTP error, OCSP tryLater or internalError)
   * gives {@link RevocationResult.SoftFailed}, which is accepted and says so. What this gives up:
   * an attacker who blocks the responder makes a revoked certificate pass. A response that arrives
   * and fails verification is never accepted.
   */
  SOFT_FAIL,
  /**
   * Never contacts a responder: only responses presented by the peer (stapled, see {@link
   * OcspClient#verifyStapled}) and still cached count. Without one the status is unknown.
   */
  STAPLED_ONLY
}
