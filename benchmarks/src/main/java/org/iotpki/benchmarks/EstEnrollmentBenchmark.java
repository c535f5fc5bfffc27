// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.EnrollmentRejectedException;
import org.iotpki.est.EstClient;
import org.iotpki.testkit.EstServer;
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
 * EST simpleenroll of a factory device (EC P-256 key made beforehand, HTTP Basic) against the
 * testkit EST server in the same process over loopback HTTPS, answered and checked, against its
 * baseline in the same run: a cacerts round trip to the same server (the HTTPS floor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class EstEnrollmentBenchmark {
  private static final char[] PASSWORD = "factory-line".toCharArray();
  private EstServer server;
  private EstClient client;
  private FactoryDevices devices;

  @Setup
  public void setUp() throws Exception {
    server = EstServer.builder(TestCa.create().intermediate("CN=Benchmark EST CA"))
        .credentials("factory", PASSWORD).start();
    client = EstClient.builder(server.uri()).trustAnchors(List.of(server.trustAnchor())).build();
    devices = new FactoryDevices(KeyAlgorithm.EC_P256);
    estEnroll();
  }

  @TearDown
  public void tearDown() {
    server.close();
  }

  /** One device enrolled: CSR built and signed, sent, answered, checked. */
  @Benchmark
  public EnrollmentOutcome estEnroll() throws EnrollmentTransportException {
    return FactoryDevices.requireIssued(client.enroll(EnrollmentRequest.builder()
        .key(devices.nextKey())
        .subject(devices.subject())
        .httpCredentials("factory", PASSWORD)
        .build()));
  }

  /** Baseline: the CA certificates from the same server over the same client. */
  @Benchmark
  public List<X509Certificate> caCertificatesRoundTrip()
      throws EnrollmentTransportException, EnrollmentRejectedException {
    return client.caCertificates();
  }
}
