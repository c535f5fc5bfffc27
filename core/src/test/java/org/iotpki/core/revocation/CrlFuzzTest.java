// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.Issuer;

/**
 * Fuzzes CRL reading and checking: {@link PkiReader#readCrl} may reject any input, but only with
 * {@link PkiParseException}; a CRL that reads is listed ({@link CrlSerials}) and checked by a
 * {@link RevocationChecker}, which answers with a result and never trusts a CRL the CA's key did
 * not sign (the key is made afresh for each run, so no input is signed by it). Jazzer reports
 * anything else (and an OutOfMemoryError) as a finding.
 *
 * <p>The seeds are {@code openssl ca -gencrl} CRLs of an issuer with this CA's name (empty, with
 * reasons and invalidity dates, a delta CRL), DER and PEM. They replay in every test run; {@code
 * ./mvnw -Pfuzz verify} fuzzes from them.
 */
class CrlFuzzTest {
  private static final PkiReader READER = PkiReader.builder().maxInputBytes(64 * 1024).build();
  private static final Issuer CA;
  private static final X509Certificate DEVICE;

  static {
    try {
      CA = Issuer.root("CN=fuzz seed CA", KeyAlgorithm.EC_P256);
      DEVICE = CA.leaf("CN=dev").certificate();
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void readAndCheck(byte[] input) {
    X509CRL crl;
    try {
      crl = READER.readCrl(input);
    } catch (PkiParseException expected) {
      return; // Rejected with the typed exception: the contract holds.
    }
    try {
      CrlSerials.revoked(crl);
    } catch (IllegalArgumentException refused) {
      // CrlSerials refuses delta CRLs and indirect entries by contract.
    }
    RevocationChecker checker;
    try {
      checker = RevocationChecker.builder().crl(crl).build();
    } catch (IllegalArgumentException refused) {
      return; // The builder refuses delta CRLs by contract.
    }
    RevocationResult result = checker.check(DEVICE, CA.certificate(), Issuer.NOW);
    if (!(result instanceof RevocationResult.Unknown)) {
      throw new IllegalStateException("trusted a CRL the CA's key never signed: " + result);
    }
  }
}
