// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/**
 * Revocation: compact filters for hubs, OCSP, and the checker the chain validator uses.
 *
 * <p>A CRLite-style cascade of Bloom filters answers "is this serial revoked?" exactly for every
 * certificate an issuer has issued, in a couple of bytes per revoked certificate, with daily
 * deltas: the issuer, which knows every serial it issued (from its audit trail), builds a {@link
 * org.iotpki.core.revocation.RevocationFilter} and, each day after, a {@link
 * org.iotpki.core.revocation.RevocationDelta}; a hub decodes them and answers through a {@link
 * org.iotpki.core.revocation.RevocationView}. Both decoders take untrusted bytes and fail only with
 * {@link org.iotpki.core.PkiParseException}.
 *
 * <p>{@link org.iotpki.core.revocation.OcspClient} checks certificates online (RFC 6960) or
 * verifies stapled responses, under an explicit {@link org.iotpki.core.revocation.OcspPolicy}.
 * {@link org.iotpki.core.revocation.RevocationChecker} combines the short-lived exemption, filters,
 * CRLs and OCSP for {@code ChainValidator}. Every answer is a {@link
 * org.iotpki.core.revocation.RevocationResult} that names its source.
 */
package org.iotpki.core.revocation;
