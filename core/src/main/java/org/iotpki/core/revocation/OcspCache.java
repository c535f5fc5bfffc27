// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Verified OCSP answers by CertID, each until it expires; the least recently used go first. Thread-safe. */
final class OcspCache {
  private record Cached(RevocationResult result, Instant until) {}

  private final Map<String, Cached> entries;

  OcspCache(int maxEntries) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /** The answer cached for {@code id}, if it still holds at {@code time}. */
  synchronized Optional<RevocationResult> get(OcspCertId id, Instant time) {
    Cached entry = entries.get(id.key());
    if (entry == null) {
      return Optional.empty();
    }
    if (!time.isBefore(entry.until())) {
      entries.remove(id.key());
      return Optional.empty();
    }
    return Optional.of(entry.result());
  }

  synchronized void put(OcspCertId id, RevocationResult result, Instant until) {
    entries.put(id.key(), new Cached(result, until));
  }
}
