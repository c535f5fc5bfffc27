// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iotpki.cmp.CmpClient;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRejectedException;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.testkit.CmpServer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CMP initialization request (ir, MAC-protected with a shared secret, then certConf: two round
 * trips) of a factory device (EC P-256 key made beforehand) against the testkit CMP server in the
 * same process over loopback HTTP, answered and checked, against its baseline in the same run: a
 * MAC-protected genm for the CA certificates (one round trip, the same protection).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CmpEnrollmentBenchmark {
  private static final String REFERENCE = "factory-line";
  private static final char[] SECRET = "factory-secret".toCharArray();
  private CmpServer server;
  private CmpClient client;
  private FactoryDevices devices;

  @Setup
  public void setUp() throws Exception {
    TestCa issuing = TestCa.create().intermediate("CN=Benchmark CMP CA");
    server = CmpServer.builder(issuing).sharedSecret(REFERENCE, SECRET).start();
    client = CmpClient.builder(server.uri()).sharedSecret(REFERENCE, SECRET)
        .trustAnchors(List.of(issuing.root())).timeout(Duration.ofSeconds(10)).build();
    devices = new FactoryDevices(KeyAlgorithm.EC_P256);
    cmpEnroll();
  }

  @TearDown
  public void tearDown() {
    server.close();
  }

  /** One device enrolled: ir built, protected, sent, answered, checked, confirmed. */
  @Benchmark
  public EnrollmentOutcome cmpEnroll() throws EnrollmentTransportException {
    return FactoryDevices.requireIssued(client.enroll(EnrollmentRequest.builder()
        .key(devices.nextKey())
        .subject(devices.subject())
        .build()));
  }

  /** Baseline: a genm caCerts round trip to the same server with the same protection. */
  @Benchmark
  public List<X509Certificate> caCertificatesRoundTrip()
      throws EnrollmentTransportException, EnrollmentRejectedException {
    return client.caCertificates();
  }
}
