// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.keys.PinSource;
import org.iotpki.core.keys.Pkcs11Token;
import org.iotpki.core.keys.TokenKey;
import org.iotpki.core.keys.TokenKeys;
import org.iotpki.matter.issuance.MatterCa;
import org.iotpki.matter.issuance.MatterPki;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DAC issuance from a PAI whose key is in a PKCS#11 token (SoftHSM2 through SunPKCS11) vs. the
 * same issuance from a software PAI key, on one and on two threads: SunPKCS11 gives each thread
 * its own session from a pool, so two threads must not run at one thread's rate.
 *
 * <p>Needs SoftHSM2 and {@code SOFTHSM2_CONF} naming a file this benchmark may write (it makes a
 * fresh token in that file's directory), e.g. {@code SOFTHSM2_CONF=/tmp/iotpki-bench/softhsm2.conf}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class HsmDacIssuanceBenchmark {
  private static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2046-01-01T00:00:00Z");
  private MatterCa softwarePai;
  private MatterCa tokenPai;
  private PublicKey deviceKey;

  @Setup
  public void setUp() throws Exception {
    MatterCa paa = MatterPki.createPaa("Benchmark PAA", OptionalInt.of(0xFFF1), FROM, UNTIL);
    softwarePai = paa.issuePai("Benchmark PAI", 0xFFF1, OptionalInt.of(0x8000), FROM, UNTIL);
    TokenKeys token = freshSoftHsmToken().open();
    TokenKey paiKey = token.generate("benchmark-pai", KeyAlgorithm.EC_P256);
    tokenPai = MatterCa.of(
        paa.issuePaiCertificate(paiKey.certificate().getPublicKey(), "Benchmark HSM PAI", 0xFFF1, OptionalInt.of(0x8000), FROM, UNTIL),
        paiKey.privateKey(),
        token.providers());
    deviceKey = KeyPairs.generate(KeyAlgorithm.EC_P256).getPublic();
  }

  /** A new token, alone in the directory of SOFTHSM2_CONF, so that it is the first slot's. */
  private static Pkcs11Token freshSoftHsmToken() throws IOException, InterruptedException {
    String configuration = System.getenv("SOFTHSM2_CONF");
    if (configuration == null) {
      throw new IllegalStateException("set SOFTHSM2_CONF to a file this benchmark may write, e.g. /tmp/iotpki-bench/softhsm2.conf");
    }
    Path tokens = Path.of(configuration).toAbsolutePath().getParent().resolve("tokens-" + ProcessHandle.current().pid());
    Files.createDirectories(tokens);
    Files.writeString(Path.of(configuration), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n");
    Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "benchmark",
        "--pin", "1234", "--so-pin", "5678").inheritIO().start();
    if (init.waitFor() != 0) {
      throw new IllegalStateException("softhsm2-util --init-token failed");
    }
    return Pkcs11Token.builder().library(MODULE).slotListIndex(0).pin(PinSource.of("1234".toCharArray())).build();
  }

  private static byte[] issue(MatterCa pai, PublicKey deviceKey) {
    return pai.issueDacDer(deviceKey, 0xFFF1, 0x8000, "Benchmark DAC 000001", FROM, MatterCa.NO_EXPIRATION);
  }

  /** Baseline: the PAI key in software (BouncyCastle). */
  @Benchmark
  public byte[] softwareKey() {
    return issue(softwarePai, deviceKey);
  }

  /** The PAI key in the token: each signature a PKCS#11 C_Sign through SunPKCS11. */
  @Benchmark
  public byte[] tokenKey() {
    return issue(tokenPai, deviceKey);
  }

  /** As {@link #softwareKey()}, two threads at once. */
  @Benchmark
  @Threads(2)
  public byte[] softwareKeyTwoThreads() {
    return issue(softwarePai, deviceKey);
  }

  /** As {@link #tokenKey()}, two threads at once: the throughput of both together. */
  @Benchmark
  @Threads(2)
  public byte[] tokenKeyTwoThreads() {
    return issue(tokenPai, deviceKey);
  }
}
