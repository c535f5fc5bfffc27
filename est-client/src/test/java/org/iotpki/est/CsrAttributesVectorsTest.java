// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Base64;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.junit.jupiter.api.Test;

/** The published CsrAttrs examples of RFC 7030 and RFC 9908 (see vectors/README.md). */
class CsrAttributesVectorsTest {
  static byte[] vector(String name) throws Exception {
    try (InputStream in = CsrAttributesVectorsTest.class.getResourceAsStream("/vectors/" + name)) {
      return in.readAllBytes();
    }
  }

  private static CsrAttributes csrattrs(String name) throws Exception {
    return CsrAttributes.decode(Base64.getMimeDecoder().decode(vector(name)));
  }

  @Test
  void rfc7030Example() throws Exception {
    CsrAttributes attributes = csrattrs("rfc7030-4.5.2.csrattrs.b64");

    assertThat(attributes.oids()).containsExactly("1.2.840.113549.1.9.7", "1.2.840.10045.4.3.3");
    assertThat(attributes.challengePasswordRequested()).isTrue();
    assertThat(attributes.keyAlgorithm()).contains(KeyAlgorithm.EC_P384);
    assertThat(attributes.signatureAlgorithm()).contains(SignatureAlgorithm.ECDSA_SHA384);
    assertThat(attributes.extensionTypesRequested()).containsExactly("1.3.6.1.1.1.1.22");
    assertThat(attributes.requestedExtensions()).isEmpty();
  }

  @Test
  void rfc9908Section51RequiresAnAcpSubjectAltName() throws Exception {
    CsrAttributes attributes = csrattrs("rfc9908-5.1.csrattrs.b64");

    assertThat(attributes.challengePasswordRequested()).isFalse();
    assertThat(attributes.requestedExtensions()).singleElement().satisfies(extension -> {
      assertThat(extension.oid()).isEqualTo("2.5.29.17");
      assertThat(extension.critical()).isTrue();
      assertThat(new String(extension.value(), java.nio.charset.StandardCharsets.US_ASCII))
          .contains("rfc8994+fd739fc23c3440112233445500000000+@acp.example.com");
    });
  }

  @Test
  void rfc9908Section52CorrectsTheRfc7030Example() throws Exception {
    CsrAttributes attributes = csrattrs("rfc9908-5.2.csrattrs.b64");

    assertThat(attributes.oids())
        .containsExactly("1.2.840.113549.1.9.7", "1.3.6.1.1.1.1.22", "1.2.840.10045.4.3.3");
    assertThat(attributes.keyAlgorithm()).contains(KeyAlgorithm.EC_P384);
    assertThat(attributes.extensionTypesRequested()).isEmpty();
  }

  @Test
  void rfc9908Section54AsksForRsa4096() throws Exception {
    CsrAttributes attributes = csrattrs("rfc9908-5.4.csrattrs.b64");

    assertThat(attributes.keyAlgorithm()).contains(KeyAlgorithm.RSA_4096);
    assertThat(attributes.signatureAlgorithm()).contains(SignatureAlgorithm.RSA_PKCS1_SHA256);
  }

  @Test
  void rfc9908Section55AsksForP384AndASerialNumber() throws Exception {
    CsrAttributes attributes = csrattrs("rfc9908-5.5.csrattrs.b64");

    assertThat(attributes.keyAlgorithm()).contains(KeyAlgorithm.EC_P384);
    assertThat(attributes.oids()).contains("2.5.4.5");
  }

  @Test
  void rfc9908Section56AsksForACurveIotpkiDoesNotGenerate() throws Exception {
    CsrAttributes attributes = csrattrs("rfc9908-5.6.csrattrs.b64");

    // secp521r1 is not a KeyAlgorithm: no key type is inferred, the signature algorithm is.
    assertThat(attributes.attribute("1.2.840.10045.2.1")).isPresent();
    assertThat(attributes.keyAlgorithm()).isEmpty();
    assertThat(attributes.signatureAlgorithm()).contains(SignatureAlgorithm.ECDSA_SHA512);
    assertThat(attributes.oids()).contains("1.2.840.113549.1.9.20", "0.9.2342.19200300.100.1.5");
  }

  @Test
  void refusesWhatIsNotACsrAttrs() {
    assertThatThrownBy(() -> CsrAttributes.decode(new byte[] {0x04, 0x00}))
        .isInstanceOf(PkiParseException.class);
    assertThatThrownBy(() -> CsrAttributes.decode(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}))
        .isInstanceOf(PkiParseException.class);
    assertThatThrownBy(() -> CsrAttributes.decode(new byte[] {0x30, 0x05}))
        .isInstanceOf(PkiParseException.class);
    assertThat(new CertificateExtension("2.5.29.17", false, new byte[] {0x30, 0x00}).oid())
        .isEqualTo("2.5.29.17");
  }
}
