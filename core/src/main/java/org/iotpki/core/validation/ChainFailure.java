// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.validation;

/** Why {@link ChainValidator} or {@link SignatureVerifier} rejected a certificate. */
public enum ChainFailure implements ReasonCode {
  /** The chain does not end at, or under, a configured trust anchor. */
  UNTRUSTED_ROOT,
  /** The chain has more certificates than the validator accepts. */
  CHAIN_TOO_LONG,
  /** A certificate's issuer name is not its issuer's subject name. */
  ISSUER_NAME_MISMATCH,
  /** A certificate's authorityKeyIdentifier is not its issuer's subjectKeyIdentifier. */
  KEY_IDENTIFIER_MISMATCH,
  /** The signature does not verify with the issuer's key. */
  SIGNATURE_INVALID,
  /** The signature algorithm is not one iotpki verifies. */
  UNSUPPORTED_SIGNATURE_ALGORITHM,
  /** The signature algorithm does not fit the issuer's key type. */
  KEY_ALGORITHM_MISMATCH,
  /** The validation time is before the certificate's notBefore. */
  NOT_YET_VALID,
  /** The validation time is after the certificate's notAfter. */
  EXPIRED,
  /** A certificate that issued another is not a CA (basicConstraints cA is absent or false). */
  NOT_A_CA,
  /** More intermediate CAs follow a CA than its pathLenConstraint allows. */
  PATH_LENGTH_EXCEEDED,
  /** A CA's keyUsage does not include keyCertSign. */
  KEY_CERT_SIGN_NOT_ALLOWED,
  /** A certificate has a critical extension that no check understands. */
  UNHANDLED_CRITICAL_EXTENSION,
  /** An extension that validation reads is malformed. */
  MALFORMED_EXTENSION,
  /** A certificate is revoked (the message says by which source, when and why). */
  REVOKED,
  /** A certificate's revocation status could not be established (the message says why). */
  REVOCATION_UNKNOWN
}
