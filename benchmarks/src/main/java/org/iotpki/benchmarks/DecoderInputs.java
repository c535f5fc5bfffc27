package org.iotpki.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.c509.C509Certificate;
import org.iotpki.core.c509.C509ConversionException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.matter.opcert.OperationalCertificates;
import org.iotpki.testkit.TestCa;

/**
 * The inputs of the decoder benchmarks: one device certificate per key algorithm in DER, PEM and
 * C509, and connectedhomeip's Node01_01 NOC in Matter TLV. {@link #main} prints each benchmark's
 * input size in bytes, for the report's allocated-bytes-to-input ratio.
 */
record DecoderInputs(byte[] der, byte[] pem, byte[] c509) {

  static DecoderInputs of(KeyAlgorithm deviceKey) throws CertificateEncodingException, C509ConversionException {
    X509Certificate certificate =
        TestCa.create().intermediate("CN=Benchmark Issuing CA").issue("CN=benchmark-device", deviceKey).certificate();
    return new DecoderInputs(
        certificate.getEncoded(),
        PemEncoder.certificate(certificate).getBytes(StandardCharsets.US_ASCII),
        C509Certificate.encode(certificate).encoded());
  }

  /** Prints {@code Benchmark.method:param=bytes} lines (the TLV benchmarks have no parameter). */
  public static void main(String[] args) throws Exception {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (String deviceKey : DecoderBenchmark.DEVICE_KEYS) {
      DecoderInputs inputs = of(KeyAlgorithm.valueOf(deviceKey));
      sizes.put("DecoderBenchmark.derCertificate:" + deviceKey, inputs.der().length);
      sizes.put("DecoderBenchmark.pemCertificate:" + deviceKey, inputs.pem().length);
      sizes.put("DecoderBenchmark.c509Certificate:" + deviceKey, inputs.c509().length);
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
