// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.util.Objects;

/**
 * One violation of the Matter attestation certificate profile.
 *
 * @param rule a stable rule name, e.g. {@code key-usage}, {@code basic-constraints}, {@code vid-pid}
 * @param message what is wrong, for people
 */
public record LintFinding(String rule, String message) {
  public LintFinding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }
}
