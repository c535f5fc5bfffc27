// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.testing.Issuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** CMS SignedData: the RFC 9882 examples (the peer: signed by the RFC authors' tools), and our own. */
class CmsSignedDataTest {
  private static final String SHA512 = "2.16.840.1.101.3.4.2.3";
  private static final byte[] CONTENT = "certification declaration".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({"44, ML_DSA_44", "65, ML_DSA_65", "87, ML_DSA_87"})
  void theRfc9882ExamplesVerifyWithTheRfc9881Certificates(String set, SignatureAlgorithm algorithm) throws Exception {
    X509Certificate signer = PkiReader.defaults().readCertificate(vector("rfc9881/ML-DSA-" + set + ".crt"));

    CmsVerification result = CmsSignedData.verify(example(set), List.of(signer));

    assertThat(result).isInstanceOfSatisfying(CmsVerification.Valid.class, valid -> {
      assertThat(valid.algorithm()).isEqualTo(algorithm);
      assertThat(valid.digestAlgorithmOid()).isEqualTo(SHA512);
      assertThat(new String(valid.content(), StandardCharsets.US_ASCII))
          .isEqualTo("ML-DSA-" + set + " signed-data example with signed attributes");
    });
  }

  @Test
  void aTamperedExampleIsRejectedWithTheReason() throws Exception {
    X509Certificate signer = PkiReader.defaults().readCertificate(vector("rfc9881/ML-DSA-44.crt"));
    byte[] example = example("44");
    byte[] otherContent = example.clone();
    int content = indexOf(example, "ML-DSA-44 signed-data".getBytes(StandardCharsets.US_ASCII));
    otherContent[content] ^= 0x01;
    byte[] otherSignature = example.clone();
    otherSignature[example.length - 20] ^= 0x01; // the signature is the SignerInfo's last field

    assertThat(reason(CmsSignedData.verify(otherContent, List.of(signer)))).isEqualTo(CmsFailure.MESSAGE_DIGEST_MISMATCH);
    assertThat(reason(CmsSignedData.verify(otherSignature, List.of(signer)))).isEqualTo(CmsFailure.SIGNATURE_INVALID);
    X509Certificate stranger = Issuer.root("CN=LAMPS WG", KeyAlgorithm.ML_DSA_44).certificate();
    assertThat(reason(CmsSignedData.verify(example, List.of(stranger)))).isEqualTo(CmsFailure.SIGNER_NOT_FOUND);
    assertThatThrownBy(() -> CmsSignedData.verify(java.util.Arrays.copyOf(example, 100), List.of(signer)))
        .isInstanceOf(PkiParseException.class);
  }

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "MLDSA65_ECDSA_P256_SHA512", "EC_P256"})
  void signsWhatItVerifies(KeyAlgorithm algorithm) throws Exception {
    Issuer signer = Issuer.root("CN=CMS signer", algorithm);

    byte[] cms = CmsSignedData.sign(CONTENT, Signer.of(signer.keyPair()), signer.certificate());

    CmsVerification result = CmsSignedData.verify(cms, List.of());  // the signer certificate is inside
    assertThat(result).isInstanceOfSatisfying(CmsVerification.Valid.class, valid -> {
      assertThat(valid.content()).isEqualTo(CONTENT);
      assertThat(valid.signer()).isEqualTo(signer.certificate());
      if (algorithm.family().isPostQuantum()) {
        assertThat(valid.digestAlgorithmOid()).isEqualTo(SHA512);
      }
    });
  }

  @Test
  void preHashSignersAreRefused() throws Exception {
    Issuer signer = Issuer.root("CN=CMS signer", KeyAlgorithm.ML_DSA_44);

    assertThatThrownBy(() -> CmsSignedData.sign(CONTENT,
        Signer.of(signer.keyPair(), SignatureAlgorithm.HASH_ML_DSA_44_SHA512), signer.certificate()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static CmsFailure reason(CmsVerification result) {
    assertThat(result).isInstanceOf(CmsVerification.Invalid.class);
    return ((CmsVerification.Invalid) result).reason();
  }

  private static byte[] example(String set) throws Exception {
    String pem = new String(vector("rfc9882/mldsa" + set + "-signed-attrs.pem"), StandardCharsets.US_ASCII);
    return java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  private static byte[] vector(String name) throws Exception {
    try (InputStream in = CmsSignedDataTest.class.getResourceAsStream("/vectors/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
