// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.testing.TestCrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filter is exact over the issued set, round-trips its encoding, and refuses what it cannot hold. */
class RevocationFilterTest {
  private static Issuer ca;

  @BeforeAll
  static void createTheCa() throws Exception {
    ca = Issuer.root("CN=Test Issuing CA", KeyAlgorithm.EC_P256);
  }

  /** Every serial of {@code issued} gets the right answer. */
  static void assertExact(RevocationFilter filter, List<BigInteger> issued, Set<BigInteger> revoked) {
    List<BigInteger> wrong = new ArrayList<>();
    for (BigInteger serial : issued) {
      if (filter.isRevoked(serial) != revoked.contains(serial)) {
        wrong.add(serial);
      }
    }
    assertThat(wrong).as("serials answered wrongly by %s", filter).isEmpty();
  }

  @ParameterizedTest(name = "{0} issued, every {1}th revoked, seed {2}")
  @CsvSource({
    "1, 1, 1", // the only serial revoked
    "2, 2, 2",
    "10, 3, 3",
    "1000, 1, 4", // all revoked
    "1000, 2, 5",
    "1000, 100, 6",
    "20000, 10, 7",
    "100000, 100, 8",
    "100000, 7, 9",
  })
  void isExactOverTheIssuedSet(int issuedCount, int step, long seed) {
    List<BigInteger> issued = TestSerials.random(issuedCount, seed);
    List<BigInteger> revoked = TestSerials.everyNth(issued, step);

    RevocationFilter filter = RevocationFilter.build(issued, revoked);

    assertExact(filter, issued, new HashSet<>(revoked));
    assertThat(filter.issuedCount()).isEqualTo(issuedCount);
    assertThat(filter.revokedCount()).isEqualTo(revoked.size());
    assertThat(filter.levels()).isPositive();
  }

  @Test
  void nothingRevokedIsAFilterWithoutLevelsThatRevokesNothing() throws Exception {
    List<BigInteger> issued = TestSerials.random(1000, 10);

    RevocationFilter filter = RevocationFilter.build(issued, List.of());
    RevocationFilter nothingIssued = RevocationFilter.build(List.of(), List.of());

    assertThat(filter.levels()).isZero();
    assertExact(filter, issued, Set.of());
    assertThat(nothingIssued.issuedCount()).isZero();
    assertThat(RevocationFilter.decode(nothingIssued.encoded()).isRevoked(BigInteger.ONE)).isFalse();
  }

  @Test
  void oneIssuedSerialNotRevoked() {
    RevocationFilter filter = RevocationFilter.build(List.of(BigInteger.valueOf(42)), List.of());

    assertThat(filter.isRevoked(BigInteger.valueOf(42))).isFalse();
  }

  @Test
  void roundTripsThroughItsEncodingToTheSameBytesAndAnswers() throws Exception {
    List<BigInteger> issued = TestSerials.random(5000, 11);
    List<BigInteger> revoked = TestSerials.everyNth(issued, 20);
    RevocationFilter filter = RevocationFilter.build(issued, revoked);

    RevocationFilter decoded = RevocationFilter.decode(filter.encoded());

    assertThat(decoded.encoded()).isEqualTo(filter.encoded());
    assertThat(decoded.id()).isEqualTo(filter.id());
    assertThat(decoded.sizeInBytes()).isEqualTo(filter.encoded().length);
    assertThat(decoded.levels()).isEqualTo(filter.levels());
    assertThat(decoded.issuedCount()).isEqualTo(5000);
    assertThat(decoded.revokedCount()).isEqualTo(250);
    assertExact(decoded, issued, new HashSet<>(revoked));
  }

  @Test
  void theSameSetsGiveTheSameBytesWhateverTheirOrderOrDuplicates() {
    List<BigInteger> issued = TestSerials.random(3000, 12);
    List<BigInteger> revoked = TestSerials.everyNth(issued, 30);
    List<BigInteger> shuffled = new ArrayList<>(issued);
    java.util.Collections.shuffle(shuffled, new java.util.Random(1));
    shuffled.addAll(revoked);

    assertThat(RevocationFilter.build(shuffled, revoked).encoded())
        .isEqualTo(RevocationFilter.build(issued, revoked).encoded());
  }

  @Test
  void serialsWithTheTopBitSetAndOfEveryLengthUpToTwentyBytesWork() {
    List<BigInteger> issued = new ArrayList<>();
    for (int bits = 1; bits <= 160; bits++) {
      issued.add(BigInteger.ONE.shiftLeft(bits - 1)); // 0x80.. patterns need a sign byte in DER
      issued.add(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }
    List<BigInteger> revoked = TestSerials.everyNth(issued, 3);

    assertExact(RevocationFilter.build(issued, revoked), issued, new HashSet<>(revoked));
  }

  @Test
  void aRevokedSerialThatWasNotIssuedIsRefusedByName() {
    List<BigInteger> issued = List.of(BigInteger.valueOf(1), BigInteger.valueOf(2));

    assertThatThrownBy(() -> RevocationFilter.build(issued, List.of(BigInteger.valueOf(0xabc))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revoked serial 0xabc is not in the issued set");
  }

  @Test
  void serialsThatNoCertificateMayCarryAreRefused() {
    BigInteger tooLong = BigInteger.ONE.shiftLeft(160);

    assertThatThrownBy(() -> RevocationFilter.build(List.of(BigInteger.ZERO), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("issued serial 0x0 is not a positive number of at most 20 bytes");
    assertThatThrownBy(() -> RevocationFilter.build(List.of(BigInteger.valueOf(-5)), List.of()))
        .hasMessageContaining("-0x5");
    assertThatThrownBy(() -> RevocationFilter.build(List.of(tooLong), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    // Not in any issued set, so not revoked, whatever the levels hold.
    RevocationFilter allRevoked = RevocationFilter.build(List.of(BigInteger.ONE), List.of(BigInteger.ONE));
    assertThat(allRevoked.isRevoked(BigInteger.ZERO)).isFalse();
    assertThat(allRevoked.isRevoked(BigInteger.ONE.negate())).isFalse();
    assertThat(allRevoked.isRevoked(tooLong)).isFalse();
  }

  @Test
  void fromCrlRevokesExactlyTheCrlsSerials() throws Exception {
    List<BigInteger> issued = TestSerials.random(20_000, 13);
    List<BigInteger> revoked = TestSerials.everyNth(issued, 50);

    RevocationFilter filter = RevocationFilter.fromCrl(TestCrl.of(ca, revoked), issued);

    assertThat(filter.revokedCount()).isEqualTo(revoked.size());
    assertThat(filter.encoded()).isEqualTo(RevocationFilter.build(issued, revoked).encoded());
    assertExact(filter, issued, new HashSet<>(revoked));
  }

  @Test
  void fromCrlRefusesACrlSerialThatWasNotIssuedUnlessToldToIgnoreIt() throws Exception {
    List<BigInteger> issued = TestSerials.random(1000, 14);
    BigInteger expired = new BigInteger("7e57", 16);
    List<BigInteger> onCrl = new ArrayList<>(TestSerials.everyNth(issued, 10));
    onCrl.add(expired);

    assertThatThrownBy(() -> RevocationFilter.fromCrl(TestCrl.of(ca, onCrl), issued))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revoked serial 0x7e57 is not in the issued set");
    RevocationFilter filter = RevocationFilter.fromCrlIgnoringSerialsNotIssued(TestCrl.of(ca, onCrl), issued);
    assertThat(filter.revokedCount()).isEqualTo(100);
    assertExact(filter, issued, new HashSet<>(TestSerials.everyNth(issued, 10)));
  }

  @Test
  void fromCrlOfAnEmptyCrlRevokesNothingAndADeltaCrlIsRefused() throws Exception {
    List<BigInteger> issued = TestSerials.random(100, 15);

    assertThat(RevocationFilter.fromCrl(TestCrl.of(ca, List.of()), issued).levels()).isZero();
    assertThatThrownBy(() -> RevocationFilter.fromCrl(TestCrl.delta(ca, issued.subList(0, 3)), issued))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delta CRL");
  }
}
