// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * DAC issuance (public key in, DER out) against its floor: one raw ECDSA P-256 signature over a
 * to-be-signed structure of the same size, same key, same provider. Goal: issueDac at 80% or more
 * of rawEcdsaSign's throughput. issueDacCertificate also parses the result into an
 * X509Certificate, for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DacIssuanceBenchmark {
  private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
  private MatterCa pai;
  private PrivateKey paiKey;
  private PublicKey deviceKey;
  private byte[] tbsOfTheSameSize;

  @Setup
  public void setUp() throws Exception {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant until = Instant.parse("2046-01-01T00:00:00Z");
    MatterCa paa = MatterPki.createPaa("Benchmark PAA", OptionalInt.of(0xFFF1), from, until);
    pai = paa.issuePai("Benchmark PAI", 0xFFF1, OptionalInt.of(0x8000), from, until);
    paiKey = pai.credential().privateKey();
    deviceKey = KeyPairs.generate(KeyAlgorithm.EC_P256).getPublic();
    tbsOfTheSameSize = new byte[issueDacCertificate().getTBSCertificate().length];
  }

  /** The issuance of one DAC from a device's public key: check, build, sign, encode. */
  @Benchmark
  public byte[] issueDac() {
    return pai.issueDacDer(deviceKey, 0xFFF1, 0x8000, "Benchmark DAC 000001", NOT_BEFORE, MatterCa.NO_EXPIRATION);
  }

  /** The same, parsed into an X509Certificate as well. */
  @Benchmark
  public X509Certificate issueDacCertificate() {
    return pai.issueDac(deviceKey, 0xFFF1, 0x8000, "Benchmark DAC 000001", NOT_BEFORE, MatterCa.NO_EXPIRATION);
  }

  /** Baseline: the ECDSA signature alone, with the PAI's key and the same provider. */
  @Benchmark
  public byte[] rawEcdsaSign() throws GeneralSecurityException {
    Signature signature =
        Signature.getInstance("SHA256withECDSA", ProviderStrategy.bouncyCastle().provider("Signature", "SHA256withECDSA"));
    signature.initSign(paiKey);
    signature.update(tbsOfTheSameSize);
    return signature.sign();
  }
}
