// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorResult;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.matter.attestation.AttestationVerification;
import org.iotpki.matter.attestation.DeviceAttestationVerifier;
import org.iotpki.matter.attestation.DeviceCredentials;
import org.iotpki.matter.attestation.PaaTrustStore;
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
 * Matter device attestation of a PAA -> PAI -> DAC chain, with the normal API
 * ({@link DeviceAttestationVerifier#verify(DeviceCredentials)}: DER in, trust store lookup, the
 * full Matter profile, VID/PID rules), against two references on the same chain in the same run:
 * its two ECDSA verifications alone with the same provider (the floor), and the JDK's PKIX
 * {@code CertPathValidator} with revocation off. Both iotpki and PKIX start from the DER bytes.
 * Goals: iotpki at most 1.15x the raw verifications' time, and at least 5x faster than PKIX. Each
 * call takes the next of {@value #DACS} DACs of the PAI (a commissioner sees a new DAC each time),
 * so no cache keyed by a certificate's encoding answers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MatterVerifyBenchmark {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  /** Distinct DACs used in turn, more than the JDK's certificate factory caches by encoding (750). */
  private static final int DACS = 1024;

  private DeviceAttestationVerifier verifier;
  private final DeviceCredentials[] devices = new DeviceCredentials[DACS];
  private X509Certificate paa;
  private X509Certificate pai;
  private byte[] paiDer;
  private final byte[][] dacDers = new byte[DACS][];
  private final byte[][] dacTbs = new byte[DACS][];
  private final byte[][] dacSignatures = new byte[DACS][];
  private PKIXParameters pkix;
  private int next;

  @Setup
  public void setUp() throws Exception {
    MatterCa paaCa = MatterPki.createPaa("Benchmark PAA", OptionalInt.of(0xFFF1), FROM, FROM.plusSeconds(20L * 365 * 86400));
    MatterCa paiCa = paaCa.issuePai("Benchmark PAI", 0xFFF1, OptionalInt.of(0x8000), FROM, FROM.plusSeconds(10L * 365 * 86400));
    KeyPair deviceKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    paa = paaCa.certificate();
    pai = paiCa.certificate();
    paiDer = pai.getEncoded();
    for (int i = 0; i < DACS; i++) {
      X509Certificate dac = paiCa.issueDac(deviceKey.getPublic(), 0xFFF1, 0x8000, "Benchmark DAC", FROM, MatterCa.NO_EXPIRATION);
      dacDers[i] = dac.getEncoded();
      dacTbs[i] = dac.getTBSCertificate();
      dacSignatures[i] = dac.getSignature();
      devices[i] = DeviceCredentials.of(paiDer, dacDers[i]);
    }
    verifier = DeviceAttestationVerifier.builder()
        .paaTrustStore(PaaTrustStore.of(List.of(paa)))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
    pkix = new PKIXParameters(Set.of(new TrustAnchor(paa, null)));
    pkix.setRevocationEnabled(false);
    pkix.setDate(Date.from(NOW));
    if (!iotpkiVerifyChain().isVerified() || !rawSignatureVerifies() || jdkPkixVerifyChain() == null) {
      throw new IllegalStateException("the benchmark chain does not verify");
    }
  }

  /** The normal API: DER in, PAA looked up by the PAI's AKID, full Matter checks, then signatures. */
  @Benchmark
  public AttestationVerification iotpkiVerifyChain() {
    return verifier.verify(devices[nextDac()]);
  }

  /** The index of the next DAC: each benchmark verifies them in turn. */
  private int nextDac() {
    return next++ & (DACS - 1);
  }

  /** Floor: the two ECDSA verifications (DAC by PAI, PAI by PAA), same provider, nothing else. */
  @Benchmark
  public boolean rawSignatureVerifies() throws GeneralSecurityException {
    int dac = nextDac();
    return RawSignatures.verify(dacTbs[dac], dacSignatures[dac], pai.getPublicKey()) & RawSignatures.verify(pai, paa);
  }

  /**
   * Reference: the JDK's PKIX path validation of the same DER chain, revocation off. The
   * certificates are parsed by BouncyCastle's factory: the JDK's caches parsed certificates by
   * encoding and their verified signatures, so repeating the same chain would measure the caches.
   */
  @Benchmark
  public CertPathValidatorResult jdkPkixVerifyChain() throws GeneralSecurityException {
    CertificateFactory factory =
        CertificateFactory.getInstance("X.509", ProviderStrategy.bouncyCastle().provider("CertificateFactory", "X.509"));
    CertPath path = factory.generateCertPath(List.of(
        factory.generateCertificate(new ByteArrayInputStream(dacDers[nextDac()])),
        factory.generateCertificate(new ByteArrayInputStream(paiDer))));
    return CertPathValidator.getInstance("PKIX").validate(path, pkix);
  }
}
