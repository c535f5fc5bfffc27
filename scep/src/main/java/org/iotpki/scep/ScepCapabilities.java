// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a SCEP server says it can do (GetCACaps, RFC 8894 section 3.5.2), one keyword per line.
 *
 * @param keywords the keywords as the server sent them, in order
 */
public record ScepCapabilities(Set<String> keywords) {
  /** The most keywords read; real servers send about ten. */
  public static final int MAX_KEYWORDS = 64;

  public ScepCapabilities {
    keywords = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(keywords));
  }

  /** Reads a GetCACaps body: keywords separated by line breaks, white space trimmed. */
  public static ScepCapabilities parse(byte[] body) {
    Set<String> keywords = new LinkedHashSet<>();
    for (String line : new String(body, StandardCharsets.US_ASCII).split("[\r\n]+")) {
      String keyword = line.strip();
      if (!keyword.isEmpty() && keywords.size() < MAX_KEYWORDS && keyword.length() <= 64) {
        keywords.add(keyword);
      }
    }
    return new ScepCapabilities(keywords);
  }

  /** Whether the server names a capability; keywords compare case-insensitively. */
  public boolean has(String keyword) {
    return keywords.stream().anyMatch(k -> k.toLowerCase(Locale.ROOT)
        .equals(keyword.toLowerCase(Locale.ROOT)));
  }

  /** PKIOperation by HTTP POST (else GET with a base64 message parameter). */
  public boolean post() {
    return has("POSTPKIOperation") || has("SCEPStandard");
  }

  /** AES for the content encryption (else triple DES, the RFC's fallback). */
  public boolean aes() {
    return has("AES") || has("SCEPStandard");
  }

  /** RenewalReq signed with the current certificate. */
  public boolean renewal() {
    return has("Renewal");
  }

  /** SHA-256 digests (SCEPStandard implies it). */
  public boolean sha256() {
    return has("SHA-256") || has("SCEPStandard");
  }
}
