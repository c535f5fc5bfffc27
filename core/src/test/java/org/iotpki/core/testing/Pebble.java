// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

/**
 * Let's Encrypt's ACME test server Pebble as an independent peer (started by testkit's {@code
 * PebbleServer}).
 *
 * <p>Where pebble is missing, tests are skipped with a loud message on a developer machine and
 * fail on CI ({@code CI=true}), which installs it.
 */
public final class Pebble {
  private Pebble() {}

  /** Skips (or, on CI, fails) the calling test when pebble is not installed. */
  public static void require() {
    Program.require(Program.installed("pebble"),
        "pebble is not installed: the ACME interop tests cannot run (apt-get install pebble)");
  }
}
