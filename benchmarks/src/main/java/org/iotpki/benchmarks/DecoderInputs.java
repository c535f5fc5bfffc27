// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.iotpki.core.c509.C509Certificate;
import org.iotpki.core.c509.C509ConversionException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.matter.opcert.OperationalCertificates;
import org.iotpki.testkit.TestCa;

/**
 * The inputs of the decoder benchmarks: {@value #CERTIFICATES} distinct device certificates (one
 * device key, one subject, their own serials) in DER, PEM and C509, used in turn. More than the
 * JDK's certificate factory caches by encoding (750), so that every decode parses. {@link #main}
 * prints each benchmark's input size in bytes, for the report's allocated-bytes-to-input ratio.
 */
record DecoderInputs(byte[][] der, byte[][] pem, byte[][] c509) {
  static final int CERTIFICATES = 1024;

  static DecoderInputs of(KeyAlgorithm deviceKey) throws CertificateEncodingException, C509ConversionException {
    TestCa issuing = TestCa.create().intermediate("CN=Benchmark Issuing CA");
    PublicKey key = KeyPairs.generate(deviceKey).getPublic();
    DecoderInputs inputs = new DecoderInputs(new byte[CERTIFICATES][], new byte[CERTIFICATES][], new byte[CERTIFICATES][]);
    for (int i = 0; i < CERTIFICATES; i++) {
      X509Certificate certificate = issuing.issue("CN=benchmark-device", key, UnaryOperator.identity());
      inputs.der[i] = certificate.getEncoded();
      inputs.pem[i] = PemEncoder.certificate(certificate).getBytes(StandardCharsets.US_ASCII);
      inputs.c509[i] = C509Certificate.encode(certificate).encoded();
    }
    return inputs;
  }

  /** Prints {@code Benchmark.method:param=bytes} lines (the TLV benchmarks have no parameter). */
  public static void main(String[] args) throws Exception {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (String deviceKey : DecoderBenchmark.DEVICE_KEYS) {
      DecoderInputs inputs = of(KeyAlgorithm.valueOf(deviceKey));
      sizes.put("DecoderBenchmark.derCertificate:" + deviceKey, inputs.der()[0].length);
      sizes.put("DecoderBenchmark.jdkCertificateFactory:" + deviceKey, inputs.der()[0].length);
      sizes.put("DecoderBenchmark.pemCertificate:" + deviceKey, inputs.pem()[0].length);
      sizes.put("DecoderBenchmark.c509Certificate:" + deviceKey, inputs.c509()[0].length);
    }
    byte[] tlv = nocTlv();
    sizes.put("MatterTlvBenchmark.walkTlv", tlv.length);
    sizes.put("MatterTlvBenchmark.decodeTlvCertificate", tlv.length);
    sizes.put("MatterTlvBenchmark.tlvToDer", tlv.length);
    sizes.put("MatterTlvBenchmark.derToTlv", OperationalCertificates.tlvToDer(tlv).length);
    sizes.forEach((name, bytes) -> System.out.println(name + "=" + bytes));
  }

  static byte[] nocTlv() {
    return MatterTlvBenchmark.hexArray("/vectors/Node01_01.tlv.hex");
  }
}
