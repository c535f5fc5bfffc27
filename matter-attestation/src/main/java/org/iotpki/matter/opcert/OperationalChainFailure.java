// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import org.iotpki.core.validation.ReasonCode;

/**
 * Why {@link OperationalChainValidator} rejected a chain: the rule of spec section 6.5 (and of
 * connectedhomeip's checks) that failed.
 */
public enum OperationalChainFailure implements ReasonCode {
  /** The subject does not carry exactly the identifier of its role (rcac-id, icac-id, node-id), or carries another role's. */
  WRONG_CERTIFICATE_TYPE,
  /** The NOC's node id is outside the operational range 0x1 to 0xFFFFFFEFFFFFFFFF. */
  INVALID_NODE_ID,
  /** A fabric id is 0 or appears twice, or the NOC has none. */
  INVALID_FABRIC_ID,
  /** The certificates name different fabric ids. */
  FABRIC_ID_MISMATCH,
  /** A CASE Authenticated Tag has version 0 or repeats an identifier, the NOC has more than 3, or a CA has one. */
  INVALID_CASE_AUTHENTICATED_TAG,
  /** basicConstraints, keyUsage, extendedKeyUsage (NOC), subjectKeyIdentifier or authorityKeyIdentifier is missing. */
  MISSING_EXTENSION,
  /** An RCAC or ICAC is not a CA (basicConstraints cA false). */
  NOT_A_CA,
  /** The NOC claims to be a CA, or has a pathLenConstraint. */
  CA_NOT_ALLOWED,
  /** A CA's pathLenConstraint is larger than Matter allows (RCAC 1, ICAC 0) or too small for the chain. */
  PATH_LENGTH_EXCEEDED,
  /** A CA lacks keyCertSign, or the NOC lacks digitalSignature or has keyCertSign or cRLSign. */
  KEY_USAGE_NOT_ALLOWED,
  /** The NOC's extendedKeyUsage lacks clientAuth or serverAuth, or a CA has one. */
  EXTENDED_KEY_USAGE_NOT_ALLOWED,
  /** An issuer DN is not its issuer's subject DN (for the RCAC: not its own subject). */
  ISSUER_MISMATCH,
  /** An authorityKeyIdentifier is not its issuer's subjectKeyIdentifier. */
  KEY_IDENTIFIER_MISMATCH,
  /** The validation time is before notBefore. */
  NOT_YET_VALID,
  /** The validation time is after notAfter. */
  EXPIRED,
  /** The public key is not a point on P-256. */
  INVALID_PUBLIC_KEY,
  /** The signature does not verify with the issuer's key. */
  SIGNATURE_INVALID
}
