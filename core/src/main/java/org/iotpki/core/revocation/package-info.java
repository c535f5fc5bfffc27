/**
 * Compact revocation for hubs: a CRLite-style cascade of Bloom filters that answers "is this
 * serial revoked?" exactly for every certificate an issuer has issued, in a couple of bytes per
 * revoked certificate, with daily deltas.
 *
 * <p>The issuer, which knows every serial it issued (from its audit trail), builds a {@link
 * org.iotpki.core.revocation.RevocationFilter} and, each day after, a {@link
 * org.iotpki.core.revocation.RevocationDelta}; a hub decodes them and answers through a {@link
 * org.iotpki.core.revocation.RevocationView}. Both decoders take untrusted bytes and fail only with
 * {@link org.iotpki.core.PkiParseException}.
 */
package org.iotpki.core.revocation;
