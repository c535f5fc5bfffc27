// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotpki.core.keys.PinSource;
import org.iotpki.core.keys.Pkcs11Token;

/**
 * A fresh SoftHSM2 token for the tests of one JVM, created on first use in the directory of
 * {@code SOFTHSM2_CONF} (surefire sets it to {@code target/softhsm2/softhsm2.conf}).
 *
 * <p>SoftHSM2 reads its token directory once, when the JVM first loads the module: a token made
 * later by {@code softhsm2-util} stays invisible to this JVM. So there is one token per JVM, made
 * before any test opens it, and tests tell their keys apart by label. Where SoftHSM2 is missing,
 * tests are skipped loudly on a developer machine and fail on CI, which installs it.
 */
public final class SoftHsm {
  /** The SoftHSM2 module, as Debian installs it. */
  public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  /** The label of the token. */
  public static final String TOKEN_LABEL = "iotpki-test";
  /** The token's user PIN (a test secret). */
  public static final String PIN = "1234";
  private static final String SO_PIN = "5678";
  private static final boolean AVAILABLE =
      Program.installed("softhsm2-util") && Files.isRegularFile(LIBRARY);
  private static Pkcs11Token token;

  private SoftHsm() {}

  /** The token, created on first use; skips (or, on CI, fails) the test without SoftHSM2. */
  public static synchronized Pkcs11Token token() {
    Program.require(AVAILABLE,
        "SoftHSM2 is not installed: the PKCS#11 tests cannot run (apt-get install softhsm2)");
    String configuration = System.getenv("SOFTHSM2_CONF");
    Program.require(configuration != null,
        "SOFTHSM2_CONF is not set: run the PKCS#11 tests through Maven, which points it into target/");
    if (token == null) {
      token = create(Path.of(configuration));
    }
    return token;
  }

  private static Pkcs11Token create(Path configuration) {
    try {
      Path directory = configuration.toAbsolutePath().getParent();
      Path tokens = directory.resolve("tokens");
      if (Files.exists(tokens)) {
        try (var old = Files.walk(tokens)) {
          old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
      Files.createDirectories(tokens);
      Files.writeString(configuration, String.join("\n",
          "directories.tokendir = " + tokens,
          "objectstore.backend = file",
          "log.level = ERROR",
          "slots.removable = false",
          ""));
      Program.Result init = Program.run(directory, List.of("softhsm2-util", "--init-token", "--free",
          "--label", TOKEN_LABEL, "--pin", PIN, "--so-pin", SO_PIN));
      if (init.exitCode() != 0) {
        throw new AssertionError("softhsm2-util --init-token failed: " + init.stderr());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Pkcs11Token.builder()
        .library(LIBRARY)
        .tokenLabel(TOKEN_LABEL)
        .pin(PinSource.of(PIN.toCharArray()))
        .build();
  }
}
