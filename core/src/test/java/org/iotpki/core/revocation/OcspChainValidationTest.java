// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.iotpki.core.testing.MutableClock;
import org.iotpki.core.testing.OcspTestCa;
import org.iotpki.core.testing.OpenSslOcspResponder;
import org.iotpki.core.validation.ChainFailure;
import org.iotpki.core.validation.ChainResult;
import org.iotpki.core.validation.ChainValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChainValidator} with an OCSP {@link RevocationChecker}, against OpenSSL's OCSP responder. */
class OcspChainValidationTest {
  @TempDir Path dir;

  private ChainValidator validator(OcspTestCa ca, OcspPolicy policy, MutableClock clock) {
    RevocationChecker revocation = RevocationChecker.builder()
        .ocsp(OcspClient.builder().policy(policy).timeout(Duration.ofSeconds(5)).build())
        .build();
    return ChainValidator.builder().trustAnchor(ca.ca.certificate()).clock(clock).revocation(revocation).build();
  }

  @Test
  void revokedLeafFailsTheChainWithItsIndex() throws Exception {
    OcspTestCa ca = new OcspTestCa();
    try (OpenSslOcspResponder ocsp = OpenSslOcspResponder.start(dir, ca.ca, ca.ca, ca.index(), "-nmin", "10")) {
      List<X509Certificate> chain = List.of(ca.device(OcspTestCa.REVOKED, ocsp.uri()));

      ChainResult result = validator(ca, OcspPolicy.HARD_FAIL, new MutableClock(Instant.now())).validate(chain);

      assertThat(result).isInstanceOf(ChainResult.Invalid.class);
      ChainResult.Invalid invalid = (ChainResult.Invalid) result;
      assertThat(invalid.reason()).isEqualTo(ChainFailure.REVOKED);
      assertThat(invalid.certificateIndex()).isZero();
      assertThat(invalid.message()).contains("OCSP", OcspTestCa.REVOKED_AT.toString(), "KEY_COMPROMISE");
    }
  }

  @Test
  void goodLeafIsValidWithItsStatusInTheResult() throws Exception {
    OcspTestCa ca = new OcspTestCa();
    try (OpenSslOcspResponder ocsp = OpenSslOcspResponder.start(dir, ca.ca, ca.ca, ca.index(), "-nmin", "10")) {
      List<X509Certificate> chain = List.of(ca.device(OcspTestCa.GOOD, ocsp.uri()));

      ChainResult result = validator(ca, OcspPolicy.HARD_FAIL, new MutableClock(Instant.now())).validate(chain);

      assertThat(result).isInstanceOf(ChainResult.Valid.class);
      assertThat(((ChainResult.Valid) result).revocation())
          .singleElement()
          .isInstanceOfSatisfying(RevocationResult.Good.class,
              good -> assertThat(good.source()).isEqualTo(RevocationSource.OCSP));
    }
  }

  @Test
  void responseStaleAtTheValidatorsClockMakesTheStatusUnknown() throws Exception {
    OcspTestCa ca = new OcspTestCa();
    try (OpenSslOcspResponder ocsp = OpenSslOcspResponder.start(dir, ca.ca, ca.ca, ca.index(), "-nmin", "1")) {
      List<X509Certificate> chain = List.of(ca.device(OcspTestCa.GOOD, ocsp.uri()));
      MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofMinutes(7)));

      ChainResult result = validator(ca, OcspPolicy.HARD_FAIL, clock).validate(chain);

      assertThat(result).isInstanceOf(ChainResult.Invalid.class);
      assertThat(((ChainResult.Invalid) result).reason()).isEqualTo(ChainFailure.REVOCATION_UNKNOWN);
      assertThat(((ChainResult.Invalid) result).message()).startsWith(RevocationFailure.NOT_FRESH.name());
    }
  }

  @Test
  void softFailAcceptsTheChainAndReportsTheUncheckedCertificate() throws Exception {
    OcspTestCa ca = new OcspTestCa();
    OpenSslOcspResponder stopped = OpenSslOcspResponder.start(dir, ca.ca, ca.ca, ca.index(), "-nmin", "10");
    stopped.close();
    List<X509Certificate> chain = List.of(ca.device(OcspTestCa.REVOKED, stopped.uri()));
    MutableClock clock = new MutableClock(Instant.now());

    ChainResult hard = validator(ca, OcspPolicy.HARD_FAIL, clock).validate(chain);
    ChainResult soft = validator(ca, OcspPolicy.SOFT_FAIL, clock).validate(chain);

    assertThat(((ChainResult.Invalid) hard).reason()).isEqualTo(ChainFailure.REVOCATION_UNKNOWN);
    assertThat(soft).isInstanceOf(ChainResult.Valid.class);
    assertThat(((ChainResult.Valid) soft).revocation())
        .singleElement()
        .isInstanceOf(RevocationResult.SoftFailed.class);
  }
}
