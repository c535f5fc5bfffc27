// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.cert.X509Certificate;
import org.iotpki.core.PkiParseException;

/**
 * Fuzzes the certs-only PKCS#7 decoder (EST /cacerts and enrollment answers, SCEP GetCACert): any
 * input may be rejected, but only with {@link PkiParseException}, and what decodes is a list of
 * usable certificates. Jazzer reports anything else (and an OutOfMemoryError) as a finding.
 *
 * <p>The seeds are {@code openssl crl2pkcs7 -nocrl} messages of one and two certificates. They
 * replay in every test run; {@code ./mvnw -Pfuzz verify} fuzzes from them.
 */
class CertsOnlyFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void decode(byte[] input) {
    try {
      for (X509Certificate certificate : CertsOnly.decode(input)) {
        certificate.getSubjectX500Principal();
        certificate.getPublicKey();
      }
    } catch (PkiParseException expected) {
      // Rejected with the typed exception: the contract holds.
    }
  }
}
