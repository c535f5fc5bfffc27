// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.testing.TestCrl;
import org.junit.jupiter.api.Test;

/** {@link RevocationChecker}'s sources other than OCSP: the short-lived exemption, filters and CRLs. */
class RevocationCheckerTest {
  private static final Instant AT = Issuer.NOW.plus(Duration.ofDays(1));

  private final Issuer ca = Issuer.root("CN=CRL CA", KeyAlgorithm.EC_P256);
  private final Issuer good = ca.leaf("CN=good");
  private final Issuer revoked = ca.leaf("CN=revoked");

  RevocationCheckerTest() throws Exception {}

  @Test
  void crlListsTheRevokedCertificateWithItsDate() throws Exception {
    RevocationChecker checker =
        RevocationChecker.builder().crl(TestCrl.of(ca, List.of(revoked.certificate().getSerialNumber()))).build();

    assertThat(checker.check(revoked.certificate(), ca.certificate(), AT))
        .isEqualTo(new RevocationResult.Revoked(RevocationSource.CRL, Optional.of(Issuer.NOW), Optional.empty()));
    assertThat(checker.check(good.certificate(), ca.certificate(), AT))
        .isEqualTo(new RevocationResult.Good(RevocationSource.CRL, Optional.of(Issuer.NOW.plus(Duration.ofDays(7)))));
  }

  @Test
  void crlPastItsNextUpdateIsNotFresh() throws Exception {
    RevocationChecker checker = RevocationChecker.builder().crl(TestCrl.of(ca, List.of())).build();

    RevocationResult result = checker.check(good.certificate(), ca.certificate(), Issuer.NOW.plus(Duration.ofDays(8)));

    assertThat(result).isInstanceOf(RevocationResult.Unknown.class);
    assertThat(((RevocationResult.Unknown) result).failure()).isEqualTo(RevocationFailure.NOT_FRESH);
  }

  @Test
  void crlSignedByAnotherKeyUnderTheIssuersNameIsRefused() throws Exception {
    Issuer impostor = Issuer.root("CN=CRL CA", KeyAlgorithm.EC_P256);
    RevocationChecker checker = RevocationChecker.builder().crl(TestCrl.of(impostor, List.of())).build();

    RevocationResult result = checker.check(revoked.certificate(), ca.certificate(), AT);

    assertThat(result).isInstanceOf(RevocationResult.Unknown.class);
    assertThat(((RevocationResult.Unknown) result).failure()).isEqualTo(RevocationFailure.SIGNATURE_INVALID);
  }

  @Test
  void deltaCrlIsRefused() throws Exception {
    assertThatThrownBy(() -> RevocationChecker.builder().crl(TestCrl.delta(ca, List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void revocationFilterAnswersForItsIssuer() throws Exception {
    BigInteger revokedSerial = revoked.certificate().getSerialNumber();
    RevocationFilter filter = RevocationFilter.build(
        List.of(good.certificate().getSerialNumber(), revokedSerial), List.of(revokedSerial));
    RevocationChecker checker = RevocationChecker.builder().filter(ca.certificate(), RevocationView.of(filter)).build();

    assertThat(checker.check(revoked.certificate(), ca.certificate(), AT))
        .isEqualTo(new RevocationResult.Revoked(RevocationSource.REVOCATION_FILTER, Optional.empty(), Optional.empty()));
    assertThat(checker.check(good.certificate(), ca.certificate(), AT))
        .isEqualTo(new RevocationResult.Good(RevocationSource.REVOCATION_FILTER, Optional.empty()));
  }

  @Test
  void shortLivedCertificateIsExemptBeforeAnySourceIsAsked() throws Exception {
    Issuer daily = ca.issue("CN=daily", KeyAlgorithm.EC_P256,
        builder -> builder.validity(Issuer.NOW, Issuer.NOW.plus(Duration.ofDays(1))));
    RevocationChecker checker = RevocationChecker.builder()
        .exemptShortLived(Duration.ofDays(7))
        .crl(TestCrl.of(ca, List.of(daily.certificate().getSerialNumber())))
        .build();

    assertThat(checker.check(daily.certificate(), ca.certificate(), AT)).isEqualTo(new RevocationResult.Good(
        RevocationSource.SHORT_LIVED_CERTIFICATE, Optional.of(daily.certificate().getNotAfter().toInstant())));
    assertThat(checker.check(revoked.certificate(), ca.certificate(), AT).isAccepted()).isTrue();
  }

  @Test
  void issuerNoSourceCoversIsUnknown() throws Exception {
    Issuer other = Issuer.root("CN=other CA", KeyAlgorithm.EC_P256);
    RevocationChecker checker = RevocationChecker.builder().crl(TestCrl.of(other, List.of())).build();

    RevocationResult result = checker.check(good.certificate(), ca.certificate(), AT);

    assertThat(result).isInstanceOf(RevocationResult.Unknown.class);
    assertThat(((RevocationResult.Unknown) result).failure()).isEqualTo(RevocationFailure.NO_SOURCE);
    assertThat(result.source()).isEqualTo(RevocationSource.NONE);
  }

  @Test
  void checkerWithoutSourceIsAProgrammingError() {
    assertThatThrownBy(() -> RevocationChecker.builder().build()).isInstanceOf(IllegalArgumentException.class);
  }
}
