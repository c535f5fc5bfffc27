// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.io.ByteArrayInputStream;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.c509.C509Certificate;
import org.iotpki.core.c509.C509ConversionException;
import org.iotpki.core.c509.C509FormatException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.io.PkiReader;
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
 * Decoding one device certificate from untrusted bytes (a new one each time, see {@link
 * DecoderInputs}): DER and PEM through {@link PkiReader}
 * (bounded, typed errors) and C509 through {@link C509Certificate#decode}, for an EC P-256 and an
 * RSA-2048 device key (two input sizes). Run with {@code -prof gc}: the goal is at most 4x the
 * input's size allocated per decode ({@link DecoderInputs#main} prints the input sizes), with the
 * JDK's own parse of the DER as the baseline. Matter TLV to DER is in {@link MatterTlvBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DecoderBenchmark {
  static final String[] DEVICE_KEYS = {"EC_P256", "RSA_2048"};

  @Param({"EC_P256", "RSA_2048"})
  public String deviceKey;

  private final PkiReader reader = PkiReader.defaults();
  private DecoderInputs inputs;
  private CertificateFactory jdkFactory;
  private int next;

  @Setup
  public void setUp() throws CertificateException, C509ConversionException {
    inputs = DecoderInputs.of(KeyAlgorithm.valueOf(deviceKey));
    jdkFactory = CertificateFactory.getInstance("X.509");
  }

  /** The index of the next certificate of the pool. */
  private int next() {
    return next++ & (DecoderInputs.CERTIFICATES - 1);
  }

  /** A DER certificate into an {@code X509Certificate}. */
  @Benchmark
  public X509Certificate derCertificate() throws PkiParseException {
    return reader.readCertificate(inputs.der()[next()]);
  }

  /** The same certificate in PEM. */
  @Benchmark
  public X509Certificate pemCertificate() throws PkiParseException {
    return reader.readCertificate(inputs.pem()[next()]);
  }

  /**
   * Baseline: the JDK's own parse of the same DER (no bounds, no typed errors), the floor of a
   * decoder that returns an {@code X509Certificate}.
   */
  @Benchmark
  public Certificate jdkCertificateFactory() throws CertificateException {
    return jdkFactory.generateCertificate(new ByteArrayInputStream(inputs.der()[next()]));
  }

  /** The same certificate as C509 (type 3, re-encoded X.509), rebuilt into its X.509 form. */
  @Benchmark
  public C509Certificate c509Certificate() throws C509FormatException {
    return C509Certificate.decode(inputs.c509()[next()]);
  }
}
