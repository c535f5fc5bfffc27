// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * A root CA key update announced by the CA (RFC 9483 section 4.3.2), already authenticated by
 * {@link CmpClient#rootCaKeyUpdate}: {@code newWithOld} verified with the key of the root the
 * device trusts now, and carries the same key and subject as {@code newWithNew}. A device may
 * then add {@code newWithNew} to its trust anchors.
 *
 * @param newWithNew the new self-signed root certificate
 * @param newWithOld the new root's key, certified with the old root's key
 * @param oldWithNew the old root's key certified with the new key, if the CA sent it (for peers
 *     that still have only the old root)
 */
public record RootCaKeyUpdate(X509Certificate newWithNew, X509Certificate newWithOld,
    Optional<X509Certificate> oldWithNew) {
  /** Checks that no part is null. */
  public RootCaKeyUpdate {
    Objects.requireNonNull(newWithNew, "newWithNew");
    Objects.requireNonNull(newWithOld, "newWithOld");
    Objects.requireNonNull(oldWithNew, "oldWithNew");
  }
}
