package org.iotpki.matter.opcert;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.iotpki.core.PkiParseException;

/**
 * Fuzzes both converters with the same bytes: any input may be rejected, but only with a
 * {@link PkiParseException}; an accepted certificate must convert to the other form and back to the
 * very same bytes. {@code mvn test} replays {@code OperationalCertificatesFuzzTestInputs/}; the
 * {@code fuzz-bounded-converter} execution fuzzes.
 */
class OperationalCertificatesFuzzTest {
  @FuzzTest(maxExecutions = 200_000, maxDuration = "60s")
  void convert(byte[] input) {
    try {
      OperationalCertificate fromTlv = OperationalCertificates.decodeTlv(input);
      byte[] der = OperationalCertificates.encodeDer(fromTlv);
      OperationalCertificate back = OperationalCertificates.decodeDer(der);
      check(back.equals(fromTlv), "TLV -> DER -> model changed the certificate");
      check(Arrays.equals(OperationalCertificates.encodeTlv(back), OperationalCertificates.encodeTlv(fromTlv)), "TLV not stable");
    } catch (NoTlvFormException e) {
      throw new AssertionError("the DER written for an accepted TLV certificate is rejected", e);
    } catch (PkiParseException expected) {
      // Rejected with a typed exception: fine.
    }
    try {
      OperationalCertificate fromDer = OperationalCertificates.decodeDer(input);
      byte[] tlv = OperationalCertificates.encodeTlv(fromDer);
      check(Arrays.equals(OperationalCertificates.tlvToDer(tlv), input), "DER -> TLV -> DER is not byte-exact");
    } catch (NoTlvFormException expected) {
      // Rejected with a typed exception: fine.
    } catch (PkiParseException e) {
      throw new AssertionError("the TLV written for an accepted DER certificate is rejected", e);
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
