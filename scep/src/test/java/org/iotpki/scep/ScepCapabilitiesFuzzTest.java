// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the reader of GetCACaps answers: every body is read into at most {@link
 * ScepCapabilities#MAX_KEYWORDS} keywords without an exception. Jazzer reports any exception (and
 * an OutOfMemoryError) as a finding.
 *
 * <p>The seeds are GetCACaps answers as micromdm sends them (LF) and with CRLF line ends. They replay in every test run;
 * {@code ./mvnw -Pfuzz verify} fuzzes from them.
 */
class ScepCapabilitiesFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parse(byte[] input) {
    ScepCapabilities capabilities = ScepCapabilities.parse(input);
    if (capabilities.keywords().size() > ScepCapabilities.MAX_KEYWORDS) {
      throw new IllegalStateException("more keywords than the limit: " + capabilities.keywords().size());
    }
    capabilities.post();
  }
}
