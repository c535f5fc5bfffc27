// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PbmParametersTest {
  @Test
  void refusesWeakParametersUnlessAllowedByName() {
    assertThatThrownBy(() -> new PbmParameters("SHA-1", 10_000, "HMAC-SHA256", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowWeak");
    assertThatThrownBy(() -> new PbmParameters("SHA-256", 500, "HMAC-SHA256", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new PbmParameters("SHA-256", 500, "HMAC-SHA256", true).iterations()).isEqualTo(500);
    assertThat(PbmParameters.defaults().allowWeak().weakAllowed()).isTrue();
  }

  @Test
  void refusesUnknownAlgorithmsAndAbsurdCounts() {
    assertThatThrownBy(() -> new PbmParameters("MD5", 10_000, "HMAC-SHA256", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PbmParameters("SHA-256", 1_000_000, "HMAC-SHA256", true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
