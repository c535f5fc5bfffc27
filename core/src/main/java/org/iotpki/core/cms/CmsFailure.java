// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cms;

/** Why a CMS SignedData did not verify. */
public enum CmsFailure {
  /** No SignerInfo names one of the given certificates (nor one the SignedData carries). */
  SIGNER_NOT_FOUND,
  /** The signature algorithm is not one iotpki supports. */
  UNSUPPORTED_SIGNATURE_ALGORITHM,
  /** The signature algorithm does not fit the signer certificate's key. */
  KEY_ALGORITHM_MISMATCH,
  /** An ML-DSA signatureAlgorithm has parameters, which RFC 9882 forbids. */
  ALGORITHM_PARAMETERS_PRESENT,
  /** The digest over the content is weaker than the ML-DSA parameter set (RFC 9882, Table 1). */
  DIGEST_TOO_WEAK,
  /** The message-digest attribute does not match the content. */
  MESSAGE_DIGEST_MISMATCH,
  /** The signature does not verify with the signer certificate's key. */
  SIGNATURE_INVALID
}
