// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.iotpki.core.PkiParseException;

/**
 * Fuzzes both converters with the same bytes: any input may be rejected, but only with a
 * {@link PkiParseException}; an accepted certificate must convert to the other form and back to the
 * very same bytes, and the model-free tlvToDer must answer exactly as decodeTlv then encodeDer. {@code mvn test} replays {@code OperationalCertificatesFuzzTestInputs/}; the
 * {@code fuzz-bounded-converter} execution fuzzes.
 */
class OperationalCertificatesFuzzTest {
  @FuzzTest(maxExecutions = 70_000, maxDuration = "60s")
  void convert(byte[] input) {
    byte[] direct;
    try {
      direct = OperationalCertificates.tlvToDer(input);
    } catch (PkiParseException e) {
      direct = null;
      agreesWithTheModel(input, e);
    }
    try {
      OperationalCertificate fromTlv = OperationalCertificates.decodeTlv(input);
      byte[] der = OperationalCertificates.encodeDer(fromTlv);
      check(Arrays.equals(direct, der), "tlvToDer is not encodeDer(decodeTlv)");
      if (der.length > 600) {
        // Matter's limits differ: 400 bytes of TLV can make more than 600 of DER, which is refused.
        sizeRefused(der);
        return;
      }
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

  /** The model-free tlvToDer refused {@code input}: decodeTlv refuses it the same way. */
  private static void agreesWithTheModel(byte[] input, PkiParseException refusal) {
    try {
      OperationalCertificates.decodeTlv(input);
      throw new AssertionError("tlvToDer refused what decodeTlv accepts", refusal);
    } catch (PkiParseException e) {
      check(e.getClass() == refusal.getClass() && e.getMessage().equals(refusal.getMessage()),
          "tlvToDer and decodeTlv refuse differently: " + refusal.getMessage() + " / " + e.getMessage());
    }
  }

  private static void sizeRefused(byte[] der) {
    try {
      OperationalCertificates.decodeDer(der);
      throw new AssertionError("DER above 600 bytes accepted");
    } catch (NoTlvFormException e) {
      check(e.getMessage().contains("Matter allows at most 600"), "refused for another reason: " + e.getMessage());
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
