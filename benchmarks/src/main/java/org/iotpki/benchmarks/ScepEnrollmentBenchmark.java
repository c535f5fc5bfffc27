// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.HttpRequest;
import org.iotpki.core.enroll.HttpResponse;
import org.iotpki.core.enroll.HttpTransport;
import org.iotpki.core.enroll.JdkHttpTransport;
import org.iotpki.scep.ScepClient;
import org.iotpki.testkit.ScepServer;
import org.iotpki.testkit.TestCa;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A factory line's SCEP enrollment, device and CA in one process over loopback HTTP: one PKCSReq
 * with a challenge for a device key made beforehand (devices bring their keys), answered and
 * checked. Baselines in the same run: one RSA-2048 signature (an enrollment needs four RSA
 * private-key operations on the device side and two on the server's) and one GetCACaps round trip
 * (the HTTP floor). The seeds' line does 1,000 devices an hour: 0.28 enrollments/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ScepEnrollmentBenchmark {
  private ScepServer server;
  private ScepClient client;
  private HttpTransport transport;
  private URI capsUri;
  private FactoryDevices devices;
  private Signature rsa;
  private final byte[] message = new byte[256];

  @Setup
  public void setUp() throws Exception {
    server = ScepServer.builder(TestCa.create().intermediate("CN=Benchmark SCEP CA"))
        .challenge("otp".toCharArray()).start();
    transport = JdkHttpTransport.builder().trustSystemCertificates().build();
    client = ScepClient.builder(server.uri()).transport(transport).build();
    capsUri = URI.create(server.uri() + "?operation=GetCACaps");
    devices = new FactoryDevices(KeyAlgorithm.RSA_2048);
    rsa = Signature.getInstance("SHA256withRSA",
        ProviderStrategy.bouncyCastle().provider("Signature", "SHA256withRSA"));
    rsa.initSign(devices.anyKey().getPrivate());
    client.capabilities();
    client.scepCaCertificates();
  }

  @TearDown
  public void tearDown() {
    server.close();
  }

  /**
   * New device keys for each iteration of {@link #scepEnroll}: the server answers a key it has
   * seen with the certificate it issued then (one transaction per key, the ID its hash).
   */
  @Setup(Level.Iteration)
  public void newDevices(BenchmarkParams params) {
    if (params.getBenchmark().endsWith(".scepEnroll")) {
      devices = new FactoryDevices(KeyAlgorithm.RSA_2048);
    }
  }

  /**
   * One device enrolled: PKCSReq built, sent, answered, checked and decrypted. Timed per batch of
   * one enrollment of each of the iteration's new devices.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, batchSize = FactoryDevices.DEVICES)
  @Measurement(iterations = 5, batchSize = FactoryDevices.DEVICES)
  public EnrollmentOutcome scepEnroll() throws EnrollmentTransportException {
    return FactoryDevices.requireIssued(client.enroll(EnrollmentRequest.builder()
        .key(devices.nextKey())
        .subject(devices.subject())
        .challengePassword("otp".toCharArray())
        .build()));
  }

  /** The cost unit of the enrollment: one RSA-2048 private-key signature. */
  @Benchmark
  public byte[] rsaSign() throws GeneralSecurityException {
    rsa.update(message);
    return rsa.sign();
  }

  /** The HTTP floor: a GetCACaps round trip to the same server on the same transport. */
  @Benchmark
  public HttpResponse getCaCapsRoundTrip() throws EnrollmentTransportException {
    return transport.send(HttpRequest.get(capsUri, Map.of(), Duration.ofSeconds(10)));
  }
}
