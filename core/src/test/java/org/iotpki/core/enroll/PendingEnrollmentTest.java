// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.junit.jupiter.api.Test;

class PendingEnrollmentTest {
  private final PendingEnrollment pending =
      new PendingEnrollment(
          "est",
          "0a1b2c",
          Instant.parse("2026-11-24T10:15:30Z"),
          Map.of("operation", "simpleenroll", "csr", "MIIB+/=", "uri", "https://h/x"));

  @Test
  void roundTripsThroughItsTextForm() throws Exception {
    byte[] encoded = pending.encode();

    assertThat(new String(encoded, StandardCharsets.UTF_8))
        .startsWith("iotpki-pending-enrollment: 1\nprotocol: est\n")
        .contains("state.csr: MIIB+/=\n");
    assertThat(PendingEnrollment.decode(encoded)).isEqualTo(pending);
  }

  @Test
  void knowsWhichClientAndServerMadeIt() {
    pending.requireMadeBy("est", java.net.URI.create("https://h/x"));

    assertThat(pending.server()).hasToString("https://h/x");
    assertThatThrownBy(() -> pending.requireMadeBy("scep", java.net.URI.create("https://h/x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a scep enrollment");
    assertThatThrownBy(() -> pending.requireMadeBy("est", java.net.URI.create("https://H/x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is with https://h/x");
  }

  @Test
  void neverPrintsItsState() {
    assertThat(pending.toString()).doesNotContain("MIIB").contains("0a1b2c");
  }

  @Test
  void refusesMalformedText() {
    String good = new String(pending.encode(), StandardCharsets.UTF_8);
    for (String bad :
        new String[] {
          "",
          good.replace("iotpki-pending-enrollment: 1", "iotpki-pending-enrollment: 2"),
          good.replace("retry-at: 2026-11-24T10:15:30Z", "retry-at: tomorrow"),
          good.replace("state.csr", "csr"),
          good + "state.csr: again\n",
          good.replace("protocol: est", "protocol: EST!"),
        }) {
      assertThatThrownBy(() -> PendingEnrollment.decode(bad.getBytes(StandardCharsets.UTF_8)))
          .as(bad)
          .isInstanceOf(PkiParseException.class);
    }
    assertThatThrownBy(
            () -> PendingEnrollment.decode(new byte[PendingEnrollment.MAX_ENCODED_BYTES + 1]))
        .isInstanceOf(PkiParseException.class);
  }

  @Test
  void refusesStateTheTextCannotCarry() {
    assertThatThrownBy(
            () -> new PendingEnrollment("est", "t", Instant.EPOCH, Map.of("k", "two\nlines")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new PendingEnrollment("est", "t", Instant.EPOCH, Map.of("Key", "v")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
