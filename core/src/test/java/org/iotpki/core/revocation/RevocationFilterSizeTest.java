// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.util.HashSet;
import java.util.List;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.testing.TestCrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of 1,000,000 devices with 1 % revoked (random 16-byte serials, fixed seed): the filter is
 * exact over all of them, and its size goal holds against the DER CRL of the same revoked set.
 * Sizes are deterministic, so the goal is a unit test; timing is in {@code
 * RevocationFilterBenchmark}.
 */
class RevocationFilterSizeTest {
  private static final Logger LOG = LoggerFactory.getLogger(RevocationFilterSizeTest.class);
  private static final int ISSUED = 1_000_000;

  private static List<BigInteger> issued;
  private static List<BigInteger> revoked;
  private static RevocationFilter filter;

  @BeforeAll
  static void buildTheFleet() {
    issued = TestSerials.random(ISSUED, 2026);
    revoked = TestSerials.everyNth(issued, 100);
    filter = RevocationFilter.build(issued, revoked);
  }

  @Test
  void isExactOverAMillionIssuedSerials() {
    assertThat(revoked).hasSize(10_000);
    RevocationFilterTest.assertExact(filter, issued, new HashSet<>(revoked));
  }

  @Test
  void takesAtMostTwoBytesPerRevokedSerialAndIsFifteenTimesSmallerThanTheCrl() throws Exception {
    X509CRL crl = TestCrl.of(Issuer.root("CN=Test Issuing CA", KeyAlgorithm.EC_P256), revoked);
    long filterBytes = filter.encoded().length;
    long crlBytes = crl.getEncoded().length;
    double bytesPerRevoked = (double) filterBytes / revoked.size();
    double ratio = (double) crlBytes / filterBytes;
    LOG.info(String.format(java.util.Locale.ROOT,
        "%d issued, %d revoked: filter %d bytes in %d levels (%.3f bytes per revoked serial); "
            + "CRL %d bytes (%.1f per entry); CRL / filter = %.1f",
        ISSUED, revoked.size(), filterBytes, filter.levels(), bytesPerRevoked, crlBytes,
        (double) crlBytes / revoked.size(), ratio));

    assertThat(crl.getRevokedCertificates()).hasSize(10_000);
    assertThat(bytesPerRevoked).isLessThanOrEqualTo(2.0);
    assertThat(ratio).isGreaterThanOrEqualTo(15.0);
  }
}
