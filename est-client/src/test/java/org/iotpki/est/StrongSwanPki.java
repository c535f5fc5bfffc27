// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotpki.core.testing.Program;

/** Runs strongSwan's {@code pki} tool (Debian strongswan-pki), an EST client we did not write. */
final class StrongSwanPki {
  private static final boolean AVAILABLE = Program.answers("pki", "--est", "--help");

  private StrongSwanPki() {}

  /** Skips the calling test, loudly, where pki cannot run; fails it on CI, which installs pki. */
  static void require() {
    Program.require(AVAILABLE, "strongSwan pki with --est is not installed (apt-get install"
        + " strongswan-pki libstrongswan-extra-plugins); the strongSwan EST interop test did not run");
  }

  /** Runs {@code pki args...} in {@code directory}, waiting at most 60 seconds. */
  static Program.Result run(Path directory, String... args) {
    List<String> command = new ArrayList<>();
    command.add("pki");
    command.addAll(List.of(args));
    return Program.run(directory, command);
  }
}
