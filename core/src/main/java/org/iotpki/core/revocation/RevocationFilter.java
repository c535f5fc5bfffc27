// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.iotpki.core.PkiParseException;

/**
 * Which certificates of one issuer are revoked, in a couple of bytes per revoked certificate
 * (1.76 when 1 % of a million are revoked: a twentieth of the CRL): a CRLite-style cascade of
 * Bloom filters built from the set of all issued serials S and the revoked ones R (R a subset of
 * S).
 *
 * <p>{@link #isRevoked(BigInteger)} is <em>exact</em> for every serial of S: no false positives,
 * no false negatives, by construction (each level removes the errors of the one before over S).
 * For a serial outside S the answer means nothing, so a hub asks only about certificates whose
 * chain to this issuer it has validated; the issuer knows S from its audit trail. Serials are
 * positive and at most 20 bytes long (RFC 5280).
 *
 * <p>The issuer builds a filter with {@link #build} or {@link #fromCrl}, ships {@link #encoded()}
 * and then daily {@link RevocationDelta}s; a hub {@link #decode}s it and answers with {@link
 * #isRevoked} or, once deltas arrive, a {@link RevocationView}. Instances are immutable and safe
 * to share between threads.
 */
public final class RevocationFilter {
  private final long issuedCount;
  private final long revokedCount;
  private final FilterCascade cascade;
  private final FilterId id;

  RevocationFilter(long issuedCount, long revokedCount, FilterCascade cascade) {
    this.issuedCount = issuedCount;
    this.revokedCount = revokedCount;
    this.cascade = cascade;
    this.id = FilterId.of(encoded());
  }

  /**
   * Builds the filter of {@code revoked} among {@code issued}. Duplicates are ignored; an empty
   * revoked set gives a filter that revokes nothing. The same sets always give the same bytes.
   *
   * @throws IllegalArgumentException naming a serial that is not positive or longer than 20
   *     bytes, or a revoked serial that is not in {@code issued}
   */
  public static RevocationFilter build(Collection<BigInteger> issued, Collection<BigInteger> revoked) {
    return of(SerialSets.of(issued, revoked));
  }

  /**
   * Builds the filter of the serials revoked by {@code crl} among {@code issued}: the CRL of the
   * issuer that issued them, complete (not a delta CRL) and already verified by the caller (for
   * example with {@code SignatureVerifier}); this method reads only its entries.
   *
   * <p>Strict: a serial on the CRL that is not in {@code issued} means the issued set (or the
   * CRL) is not what the caller thinks, and is refused. {@link
   * #fromCrlIgnoringSerialsNotIssued} accepts it.
   *
   * @throws IllegalArgumentException naming a CRL serial that is not in {@code issued}, for a delta
   *     CRL, or for an entry of an indirect CRL that names another issuer
   */
  public static RevocationFilter fromCrl(X509CRL crl, Collection<BigInteger> issued) {
    return of(SerialSets.of(issued, CrlSerials.revoked(crl)));
  }

  /**
   * As {@link #fromCrl}, but leaves out CRL serials that are not in {@code issued}: for an issued
   * set that no longer lists expired certificates while the CRL still does (RFC 5280 lets a CRL
   * keep an entry after the certificate expires). What this gives up: a CRL entry for a serial
   * missing from the issued set by mistake goes unnoticed, and that certificate is not reported
   * revoked.
   *
   * @throws IllegalArgumentException for a delta CRL or an entry of an indirect CRL that names
   *     another issuer
   */
  public static RevocationFilter fromCrlIgnoringSerialsNotIssued(X509CRL crl, Collection<BigInteger> issued) {
    return of(SerialSets.ofIssuedOnly(issued, CrlSerials.revoked(crl)));
  }

  private static RevocationFilter of(SerialSets sets) {
    return new RevocationFilter(sets.issued().size(), sets.revoked().size(), FilterCascade.build(sets));
  }

  /**
   * Decodes a filter from untrusted bytes (the format of {@link #encoded()}), checking every count
   * and length against the input before allocating.
   *
   * @throws PkiParseException for any malformation: truncation, bad magic or version, a level
   *     count that contradicts the revoked count, a hash count outside 1 to 32, a bit count that is
   *     not a positive multiple of 8, trailing bytes
   */
  public static RevocationFilter decode(byte[] encoded) throws PkiParseException {
    return FilterCodec.decode(encoded);
  }

  /**
   * The compact binary encoding (version 1): magic {@code IPRF}, version, issued and revoked
   * counts, then per level its seed, hash count, bit count and bits.
   */
  public byte[] encoded() {
    return FilterCodec.encode(issuedCount, revokedCount, cascade);
  }

  /**
   * Whether the certificate with this serial is revoked: exact for serials of the issued set;
   * for any other serial an arbitrary answer (except serials no issued set can hold, zero,
   * negative or longer than 20 bytes, which are not revoked).
   */
  public boolean isRevoked(BigInteger serial) {
    Objects.requireNonNull(serial, "serial");
    return Serials.isValid(serial) && cascade.isRevoked(Serials.magnitude(serial));
  }

  /**
   * This filter with {@code deltas} applied in order: the first must have sequence 1, each next
   * one more.
   *
   * @throws IllegalArgumentException if a delta is for another filter or out of sequence
   */
  public RevocationView withDeltas(List<RevocationDelta> deltas) {
    RevocationView view = RevocationView.of(this);
    for (RevocationDelta delta : deltas) {
      view = view.apply(delta);
    }
    return view;
  }

  /** The number of Bloom filter levels (0 when nothing is revoked). */
  public int levels() {
    return cascade.levels().size();
  }

  /** The size of {@link #encoded()}, in bytes. */
  public long sizeInBytes() {
    return FilterCodec.size(cascade);
  }

  /** The number of distinct issued serials the filter was built over. */
  public long issuedCount() {
    return issuedCount;
  }

  /** The number of distinct revoked serials. */
  public long revokedCount() {
    return revokedCount;
  }

  /** The id that deltas for this filter carry: SHA-256 of {@link #encoded()}, first 16 bytes. */
  public FilterId id() {
    return id;
  }

  @Override
  public String toString() {
    return "RevocationFilter[id=" + id + ", issued=" + issuedCount + ", revoked=" + revokedCount
        + ", levels=" + levels() + ", bytes=" + sizeInBytes() + "]";
  }
}
