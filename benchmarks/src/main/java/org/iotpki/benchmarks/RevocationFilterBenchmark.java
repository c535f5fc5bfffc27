// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.iotpki.core.revocation.RevocationFilter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The revocation filter of a fleet of 1,000,000 devices with 1 % revoked (random 16-byte serials,
 * fixed seed, as {@code RevocationFilterSizeTest} measures its size): the build on the issuer's
 * side, and a hub's lookup against its baseline, a {@code HashSet} of the revoked serials (the
 * exact answer, at about 100 bytes per revoked serial instead of 1.8).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RevocationFilterBenchmark {
  private static final int ISSUED = 1_000_000;
  /** Lookups cycle through this many serials of the issued set: 1 % of them revoked, as in the fleet. */
  private static final int PROBES = 1 << 16;

  private List<BigInteger> issued;
  private List<BigInteger> revoked;
  private RevocationFilter filter;
  private Set<BigInteger> revokedSet;
  private BigInteger[] probes;
  private BigInteger[] revokedProbes;
  private int next;

  @Setup
  public void setUp() {
    Random random = new Random(2026);
    Set<BigInteger> serials = new LinkedHashSet<>();
    byte[] bytes = new byte[16];
    while (serials.size() < ISSUED) {
      random.nextBytes(bytes);
      serials.add(new BigInteger(1, bytes));
    }
    issued = new ArrayList<>(serials);
    revoked = new ArrayList<>();
    for (int i = 0; i < ISSUED; i += 100) {
      revoked.add(issued.get(i));
    }
    filter = RevocationFilter.build(issued, revoked);
    revokedSet = new HashSet<>(revoked);
    probes = new BigInteger[PROBES];
    revokedProbes = new BigInteger[PROBES];
    for (int i = 0; i < PROBES; i++) {
      probes[i] = copy(issued.get(random.nextInt(ISSUED)));
      revokedProbes[i] = copy(revoked.get(random.nextInt(revoked.size())));
    }
  }

  /**
   * A new instance of {@code serial}, allocated now: a hub looks up the serial of a certificate
   * it has just parsed, not one of a million objects spread over the heap (whose cache misses
   * would cost more than the lookup).
   */
  private static BigInteger copy(BigInteger serial) {
    return new BigInteger(serial.toByteArray());
  }

  /** The issuer builds the filter of the whole fleet. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public RevocationFilter build() {
    return RevocationFilter.build(issued, revoked);
  }

  /** A hub checks an issued serial (99 % not revoked: most stop at level 1). */
  @Benchmark
  public boolean lookup() {
    return filter.isRevoked(probes[next++ & (PROBES - 1)]);
  }

  /** The worst case: a revoked serial, which passes every level that holds revoked serials. */
  @Benchmark
  public boolean lookupRevoked() {
    return filter.isRevoked(revokedProbes[next++ & (PROBES - 1)]);
  }

  /** Baseline: the same lookups in a HashSet of the revoked serials. */
  @Benchmark
  public boolean hashSetLookup() {
    return revokedSet.contains(probes[next++ & (PROBES - 1)]);
  }
}
