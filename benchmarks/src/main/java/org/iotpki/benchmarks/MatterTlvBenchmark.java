// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotpki.matter.opcert.NoTlvFormException;
import org.iotpki.matter.opcert.OperationalCertificate;
import org.iotpki.matter.opcert.OperationalCertificates;
import org.iotpki.matter.opcert.MatterCertificateFormatException;
import org.iotpki.matter.tlv.TlvFormatException;
import org.iotpki.matter.tlv.TlvReader;
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
 * Matter TLV decoding and TLV/DER conversion of connectedhomeip's test NOC (Node01_01). Run with
 * {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per operation, to compare with
 * the input size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MatterTlvBenchmark {
  private byte[] nocTlv;
  private byte[] nocDer;

  @Setup
  public void setUp() throws TlvFormatException, MatterCertificateFormatException {
    nocTlv = hexArray("/vectors/Node01_01.tlv.hex");
    nocDer = OperationalCertificates.tlvToDer(nocTlv);
  }

  /** Walks every TLV element of the certificate without building anything (the streaming reader). */
  @Benchmark
  public int walkTlv() throws TlvFormatException {
    return walk(TlvReader.of(nocTlv));
  }

  private static int walk(TlvReader reader) throws TlvFormatException {
    int elements = 0;
    while (reader.next()) {
      elements++;
      if (reader.type().isContainer()) {
        reader.enterContainer();
        elements += walk(reader);
        reader.exitContainer();
      }
    }
    return elements;
  }

  /** Decodes the TLV certificate into its model. */
  @Benchmark
  public OperationalCertificate decodeTlvCertificate() throws TlvFormatException, MatterCertificateFormatException {
    return OperationalCertificates.decodeTlv(nocTlv);
  }

  /** Matter TLV to the DER the signature covers. */
  @Benchmark
  public byte[] tlvToDer() throws TlvFormatException, MatterCertificateFormatException {
    return OperationalCertificates.tlvToDer(nocTlv);
  }

  /** DER back to Matter TLV. */
  @Benchmark
  public byte[] derToTlv() throws NoTlvFormException {
    return OperationalCertificates.derToTlv(nocDer);
  }

  static byte[] hexArray(String resource) {
    try (InputStream in = MatterTlvBenchmark.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      Matcher bytes = Pattern.compile("0x([0-9a-fA-F]{2})").matcher(text);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      while (bytes.find()) {
        out.write(Integer.parseInt(bytes.group(1), 16));
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
