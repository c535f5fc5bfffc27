// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Key generation, sign and verify per algorithm and provider, through iotpki's {@code KeyPairs},
 * {@code Signer} and {@code SignatureVerifier}. {@code JDK} means the first installed provider
 * that has the algorithm (the JDK's own ML-DSA on 24+), falling back to BouncyCastle. Run with
 * {@code -prof gc} for bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SignatureBenchmark {
  private static final byte[] MESSAGE = new byte[512]; // about a TBSCertificate

  @Param({"EC_P256", "ED25519", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "MLDSA44_ECDSA_P256_SHA256", "MLDSA65_ED25519_SHA512"})
  public String algorithm;

  @Param({"BC", "JDK"})
  public String provider;

  private Signer signer;
  private SignatureVerifier verifier;
  private KeyPair keyPair;
  private byte[] signature;
  private String oid;
  private KeyAlgorithm keyAlgorithm;
  private ProviderStrategy providers;
  private final SecureRandom random = new SecureRandom();

  @Setup
  public void setUp() throws GeneralSecurityException {
    keyAlgorithm = KeyAlgorithm.valueOf(algorithm);
    providers = "BC".equals(provider) ? ProviderStrategy.bouncyCastle() : ProviderStrategy.jdkFirst();
    keyPair = KeyPairs.generate(keyAlgorithm, providers, random);
    signer = Signer.of(keyPair, keyAlgorithm.defaultSignatureAlgorithm(), providers);
    verifier = SignatureVerifier.using(providers);
    oid = keyAlgorithm.defaultSignatureAlgorithm().oid();
    signature = signer.sign(MESSAGE);
  }

  @Benchmark
  public KeyPair keygen() {
    return KeyPairs.generate(keyAlgorithm, providers, random);
  }

  @Benchmark
  public byte[] sign() throws GeneralSecurityException {
    return signer.sign(MESSAGE);
  }

  @Benchmark
  public SignatureResult verify() {
    return verifier.verify(oid, keyPair.getPublic(), MESSAGE, signature);
  }
}
