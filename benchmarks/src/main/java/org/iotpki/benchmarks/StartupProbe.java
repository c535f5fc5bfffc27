// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.attestation.AttestationVerification;
import org.iotpki.matter.attestation.DeviceAttestationVerifier;
import org.iotpki.matter.attestation.DeviceCredentials;
import org.iotpki.matter.attestation.PaaTrustStore;
import org.iotpki.matter.issuance.MatterCa;
import org.iotpki.matter.issuance.MatterPki;

/**
 * Startup to first verification: {@code StartupProbe write DIR} makes a Matter PAA -> PAI -> DAC
 * chain into {@code paa.der}, {@code pai.der}, {@code dac.der}; {@code StartupProbe verify DIR}
 * reads them, verifies the chain with the normal API and prints the milliseconds from the
 * process's start to the verified result. Uses only {@code core} and {@code matter-attestation},
 * so it runs in their jlink runtime.
 */
public final class StartupProbe {
  private StartupProbe() {}

  /** {@code write DIR} or {@code verify DIR}; exit status 1 when the chain does not verify. */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: StartupProbe write|verify DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[1]);
    if ("write".equals(args[0])) {
      write(dir);
      return;
    }
    PkiReader reader = PkiReader.defaults();
    AttestationVerification result = DeviceAttestationVerifier.builder()
        .paaTrustStore(PaaTrustStore.of(List.of(reader.readCertificate(Files.readAllBytes(dir.resolve("paa.der"))))))
        .build()
        .verify(DeviceCredentials.of(Files.readAllBytes(dir.resolve("pai.der")), Files.readAllBytes(dir.resolve("dac.der"))));
    Instant start = ProcessHandle.current().info().startInstant().orElseThrow();
    System.out.println(Duration.between(start, Instant.now()).toMillis());
    if (!result.isVerified()) {
      System.err.println("not verified: " + result);
      System.exit(1);
    }
  }

  private static void write(Path dir) throws Exception {
    Instant from = Instant.now().minus(Duration.ofDays(1));
    MatterCa paa = MatterPki.createPaa("Startup PAA", OptionalInt.of(0xFFF1), from, from.plus(Duration.ofDays(3650)));
    MatterCa pai = paa.issuePai("Startup PAI", 0xFFF1, OptionalInt.of(0x8000), from, from.plus(Duration.ofDays(3650)));
    KeyPair device = KeyPairs.generate(KeyAlgorithm.EC_P256);
    Files.createDirectories(dir);
    Files.write(dir.resolve("paa.der"), paa.certificate().getEncoded());
    Files.write(dir.resolve("pai.der"), pai.certificate().getEncoded());
    Files.write(dir.resolve("dac.der"), pai.issueDacDer(device.getPublic(), 0xFFF1, 0x8000, "Startup DAC", from, MatterCa.NO_EXPIRATION));
  }
}
