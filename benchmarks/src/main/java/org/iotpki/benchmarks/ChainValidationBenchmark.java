// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.validation.ChainResult;
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.testkit.TestCa;
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
 * Chain validation of core against its floor: the two ECDSA verifications inside it, with the
 * same provider on the same chain, measured in the same run. The ratio of the two scores is the
 * overhead of everything else validation does (names, validity, extensions, key identifiers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChainValidationBenchmark {
  private List<X509Certificate> chain;
  private X509Certificate root;
  private ChainValidator validator;
  private Instant now;

  @Setup
  public void setUp() {
    TestCa rootCa = TestCa.create();
    TestCa issuing = rootCa.intermediate("CN=Benchmark Issuing CA");
    Credential device = issuing.issue("CN=benchmark-device");
    chain = device.chain();
    root = rootCa.certificate();
    validator = ChainValidator.builder().trustAnchor(root).build();
    now = Instant.now();
  }

  /** The full validation of a device chain (device, issuing CA) under the root. */
  @Benchmark
  public ChainResult iotpkiValidateChain() {
    return validator.validate(chain, now);
  }

  /** Baseline: only the two signature verifications, same provider, same certificates. */
  @Benchmark
  public boolean rawSignatureVerifies() throws GeneralSecurityException {
    return RawSignatures.verify(chain.get(0), chain.get(1)) & RawSignatures.verify(chain.get(1), root);
  }
}
