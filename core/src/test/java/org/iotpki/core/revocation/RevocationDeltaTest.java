// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Daily deltas keep a hub exact over a changing fleet, and only apply to their filter, in order. */
class RevocationDeltaTest {

  @Test
  void aWeekOfDailyDeltasKeepsTheHubExactAfterEachDay() throws Exception {
    Random random = new Random(20);
    List<BigInteger> serials = TestSerials.random(60_000, 21);
    Set<BigInteger> issued = new LinkedHashSet<>(serials.subList(0, 40_000));
    Set<BigInteger> revoked = new LinkedHashSet<>(TestSerials.everyNth(serials.subList(0, 40_000), 100));
    RevocationFilter base = RevocationFilter.build(issued, revoked);
    // The hub only ever sees bytes.
    RevocationView hub = RevocationView.of(RevocationFilter.decode(base.encoded()));
    RevocationView issuer = RevocationView.of(base);
    List<RevocationDelta> deltas = new ArrayList<>();
    int exceptions = 0;

    for (int day = 1; day <= 7; day++) {
      List<BigInteger> newToday = serials.subList(40_000 + (day - 1) * 2_000, 40_000 + day * 2_000);
      issued.addAll(newToday);
      List<BigInteger> all = new ArrayList<>(issued);
      for (int i = 0; i < 40; i++) {
        revoked.add(all.get(random.nextInt(all.size())));
      }
      revoked.add(newToday.get(random.nextInt(newToday.size())));
      if (day == 3) {
        revoked.remove(revoked.iterator().next()); // a certificateHold released
      }
      if (day == 5) {
        BigInteger expired = all.get(0); // expired certificates leave the issued set, revoked or not
        issued.remove(expired);
        revoked.remove(expired);
      }

      RevocationDelta delta = RevocationDelta.between(issuer, issued, revoked);
      RevocationDelta received = RevocationDelta.decode(delta.encoded());
      issuer = issuer.apply(delta);
      hub = hub.apply(received);
      deltas.add(received);
      exceptions += delta.notRevoked().size();

      assertThat(received).isEqualTo(delta);
      assertThat(delta.sequence()).isEqualTo(day);
      assertThat(delta.base()).isEqualTo(base.id());
      assertThat(hub.sequence()).isEqualTo(day);
      assertExact(hub, issued, revoked);
    }
    assertThat(exceptions).as("false positives among the new serials, and the lifted hold").isGreaterThan(1);
    assertExact(base.withDeltas(deltas), issued, revoked);
  }

  private static void assertExact(RevocationView view, Set<BigInteger> issued, Set<BigInteger> revoked) {
    List<BigInteger> wrong = new ArrayList<>();
    for (BigInteger serial : issued) {
      if (view.isRevoked(serial) != revoked.contains(serial)) {
        wrong.add(serial);
      }
    }
    assertThat(wrong).as("serials answered wrongly after delta %d", view.sequence()).isEmpty();
  }

  @Test
  void aDeltaForAnotherFilterIsRefused() {
    List<BigInteger> issued = TestSerials.random(1000, 22);
    RevocationFilter base = RevocationFilter.build(issued, issued.subList(0, 10));
    RevocationFilter other = RevocationFilter.build(issued, issued.subList(0, 11));
    RevocationDelta forOther = RevocationDelta.between(RevocationView.of(other), issued, issued.subList(0, 12));

    assertThatThrownBy(() -> RevocationView.of(base).apply(forOther))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delta 1 is for filter " + other.id() + ", not for this view's filter " + base.id());
  }

  @Test
  void deltasOutOfSequenceAreRefused() {
    List<BigInteger> issued = TestSerials.random(1000, 23);
    RevocationFilter base = RevocationFilter.build(issued, issued.subList(0, 10));
    RevocationView day0 = RevocationView.of(base);
    RevocationDelta first = RevocationDelta.between(day0, issued, issued.subList(0, 11));
    RevocationView day1 = day0.apply(first);
    RevocationDelta second = RevocationDelta.between(day1, issued, issued.subList(0, 12));

    assertThatThrownBy(() -> day0.apply(second))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delta 2 is out of sequence: this view is at 0, the next is 1");
    assertThatThrownBy(() -> day1.apply(first)).hasMessageContaining("delta 1 is out of sequence");
    assertThatThrownBy(() -> base.withDeltas(List.of(second, first))).isInstanceOf(IllegalArgumentException.class);
    assertThat(base.withDeltas(List.of(first, second)).isRevoked(issued.get(11))).isTrue();
  }

  @Test
  void deltaContentsAreChecked() {
    FilterId base = RevocationFilter.build(List.of(), List.of()).id();
    Set<BigInteger> one = Set.of(BigInteger.ONE);

    assertThatThrownBy(() -> new RevocationDelta(base, 0, Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence 0");
    assertThatThrownBy(() -> new RevocationDelta(base, 1, one, one))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("serial 0x1 is both revoked and not revoked");
    assertThatThrownBy(() -> new RevocationDelta(base, 1, Set.of(BigInteger.ZERO), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RevocationDelta.between(
            RevocationView.of(RevocationFilter.build(List.of(), List.of())), List.of(), one))
        .hasMessage("revoked serial 0x1 is not in the issued set");
  }

  @Test
  void aDeltaWithNothingToSayIsSmall() throws Exception {
    List<BigInteger> issued = TestSerials.random(1000, 24);
    RevocationFilter base = RevocationFilter.build(issued, issued.subList(0, 10));

    RevocationDelta delta = RevocationDelta.between(RevocationView.of(base), issued, issued.subList(0, 10));

    assertThat(delta.revoked()).isEmpty();
    assertThat(delta.notRevoked()).isEmpty();
    assertThat(delta.encoded()).hasSize(4 + 1 + 16 + 8 + 4 + 4);
    assertThat(RevocationDelta.decode(delta.encoded())).isEqualTo(delta);
  }
}
