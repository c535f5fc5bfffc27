// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * One headline operation of the benchmarks, run in this JVM outside JMH: set up as its benchmark
 * does, then repeated. {@link MinimumHeap} runs it in child JVMs under shrinking {@code -Xmx}.
 * Usage: {@code HeadlineOperation --list} or {@code HeadlineOperation NAME [REPETITIONS]}.
 */
public final class HeadlineOperation {
  /** The operations, by their benchmark names. */
  static final List<String> NAMES = List.of(
      "MatterVerifyBenchmark.iotpkiVerifyChain",
      "DacIssuanceBenchmark.issueDac",
      "DecoderBenchmark.derCertificate",
      "DecoderBenchmark.pemCertificate",
      "DecoderBenchmark.c509Certificate",
      "MatterTlvBenchmark.tlvToDer");

  private HeadlineOperation() {}

  /** Lists the names, or runs one operation (default 500 times); exit status 0 when it ran. */
  public static void main(String[] args) throws Exception {
    if (args.length == 1 && "--list".equals(args[0])) {
      NAMES.forEach(System.out::println);
      return;
    }
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: HeadlineOperation --list | NAME [REPETITIONS]");
      System.exit(2);
    }
    Callable<?> operation = operation(args[0]);
    int repetitions = args.length == 2 ? Integer.parseInt(args[1]) : 500;
    for (int i = 0; i < repetitions; i++) {
      operation.call();
    }
  }

  private static Callable<?> operation(String name) throws Exception {
    switch (name) {
      case "MatterVerifyBenchmark.iotpkiVerifyChain": {
        MatterVerifyBenchmark benchmark = new MatterVerifyBenchmark();
        benchmark.setUp();
        return benchmark::iotpkiVerifyChain;
      }
      case "DacIssuanceBenchmark.issueDac": {
        DacIssuanceBenchmark benchmark = new DacIssuanceBenchmark();
        benchmark.setUp();
        return benchmark::issueDac;
      }
      case "DecoderBenchmark.derCertificate":
        return decoder()::derCertificate;
      case "DecoderBenchmark.pemCertificate":
        return decoder()::pemCertificate;
      case "DecoderBenchmark.c509Certificate":
        return decoder()::c509Certificate;
      case "MatterTlvBenchmark.tlvToDer": {
        MatterTlvBenchmark benchmark = new MatterTlvBenchmark();
        benchmark.setUp();
        return benchmark::tlvToDer;
      }
      default:
        throw new IllegalArgumentException("not a headline operation: " + name + "; one of " + NAMES);
    }
  }

  /** The decoder benchmark with the EC P-256 device certificate. */
  private static DecoderBenchmark decoder() throws Exception {
    DecoderBenchmark benchmark = new DecoderBenchmark();
    benchmark.deviceKey = "EC_P256";
    benchmark.setUp();
    return benchmark;
  }
}
