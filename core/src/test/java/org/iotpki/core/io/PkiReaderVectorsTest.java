// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.HexFormat;
import java.util.List;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads published vectors (RFC 8410, RFC 9500, connectedhomeip); see vectors/README.md. */
class PkiReaderVectorsTest {
  private final PkiReader reader = PkiReader.defaults();

  @Test
  void readsRfc8410Ed25519PublicKey() throws Exception {
    PublicKey key = reader.readPublicKey(Vectors.bytes("rfc8410/ed25519-public-key.pem"));

    assertThat(KeyAlgorithm.of(key)).contains(KeyAlgorithm.ED25519);
    assertThat(HexFormat.of().formatHex(key.getEncoded()))
        .endsWith("19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1");
  }

  @Test
  void readsRfc8410X25519CertificateWithItsPublishedFields() throws Exception {
    X509Certificate certificate = reader.readCertificate(Vectors.bytes("rfc8410/x25519-certificate.pem"));

    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=IETF Test Demo");
    assertThat(certificate.getSerialNumber()).isEqualTo(new BigInteger("5601474a2a8dc330", 16));
    assertThat(certificate.getSigAlgOID()).isEqualTo("1.3.101.112");
  }

  @Test
  void readsBothRfc8410PrivateKeyFormsAsTheSameKey() throws Exception {
    List<PkiObject> plain = reader.read(Vectors.bytes("rfc8410/ed25519-private-key.pem"));
    List<PkiObject> withPublic = reader.read(Vectors.bytes("rfc8410/ed25519-private-key-with-public.pem"));

    assertThat(plain).singleElement().isInstanceOf(PkiObject.PrivateKeyObject.class);
    assertThat(withPublic).singleElement().isInstanceOf(PkiObject.PrivateKeyObject.class);
    PrivateKey first = ((PkiObject.PrivateKeyObject) plain.get(0)).key();
    PrivateKey second = ((PkiObject.PrivateKeyObject) withPublic.get(0)).key();
    assertThat(first.getAlgorithm()).isIn("Ed25519", "EdDSA");
    // Both carry the seed d4ee72db...44755842 of RFC 8410 10.3.
    String seed = "d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842";
    assertThat(HexFormat.of().formatHex(first.getEncoded())).contains(seed);
    assertThat(HexFormat.of().formatHex(second.getEncoded())).contains(seed);
  }

  @ParameterizedTest
  @CsvSource({
    "rfc9500/testECCP256.pem, 256",
    "rfc9500/testECCP384.pem, 384",
    "rfc9500/testECCP521.pem, 521",
  })
  void readsRfc9500Sec1EcKeys(String file, int fieldSize) throws Exception {
    List<PkiObject> objects = reader.read(Vectors.bytes(file));

    assertThat(objects).singleElement().isInstanceOfSatisfying(
        PkiObject.PrivateKeyObject.class,
        key -> {
          assertThat(key.format()).isEqualTo(PkiObject.PrivateKeyFormat.SEC1);
          assertThat(((ECPrivateKey) key.key()).getParams().getCurve().getField().getFieldSize())
              .isEqualTo(fieldSize);
        });
  }

  @Test
  void readsRfc9500Pkcs1RsaKey() throws Exception {
    List<PkiObject> objects = reader.read(Vectors.bytes("rfc9500/testRSA2048.pem"));

    assertThat(objects).singleElement().isInstanceOfSatisfying(
        PkiObject.PrivateKeyObject.class,
        key -> {
          assertThat(key.format()).isEqualTo(PkiObject.PrivateKeyFormat.PKCS1);
          RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key.key();
          assertThat(rsa.getModulus().bitLength()).isEqualTo(2048);
          assertThat(rsa.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
          // p * q = n: the key was read whole, not just its first integers.
          assertThat(rsa.getPrimeP().multiply(rsa.getPrimeQ())).isEqualTo(rsa.getModulus());
        });
  }

  @ParameterizedTest
  @CsvSource({
    "Chip-Test-PAA-FFF1-Cert",
    "Chip-Test-PAI-FFF1-8000-Cert",
    "Chip-Test-DAC-FFF1-8000-0000-Cert",
  })
  void readsTheSameCertificateFromPemAndDer(String name) throws Exception {
    X509Certificate fromPem = reader.readCertificate(Vectors.bytes("connectedhomeip/" + name + ".pem"));
    X509Certificate fromDer = reader.readCertificate(Vectors.bytes("connectedhomeip/" + name + ".der"));

    assertThat(fromPem.getEncoded()).isEqualTo(Vectors.bytes("connectedhomeip/" + name + ".der"));
    assertThat(fromDer).isEqualTo(fromPem);
    assertThat(KeyAlgorithm.of(fromPem.getPublicKey())).contains(KeyAlgorithm.EC_P256);
  }

  @Test
  void readsConcatenatedDerAsAChainInOrder() throws Exception {
    byte[] dac = Vectors.bytes("connectedhomeip/Chip-Test-DAC-FFF1-8000-0000-Cert.der");
    byte[] pai = Vectors.bytes("connectedhomeip/Chip-Test-PAI-FFF1-8000-Cert.der");
    byte[] both = new byte[dac.length + pai.length];
    System.arraycopy(dac, 0, both, 0, dac.length);
    System.arraycopy(pai, 0, both, dac.length, pai.length);

    List<X509Certificate> chain = reader.readCertificates(both);

    assertThat(chain).hasSize(2);
    assertThat(chain.get(0).getEncoded()).isEqualTo(dac);
    assertThat(chain.get(1).getEncoded()).isEqualTo(pai);
  }

  @Test
  void readsAMatterKeyThatMatchesItsCertificate() throws Exception {
    PrivateKey key = reader.readPrivateKey(Vectors.bytes("connectedhomeip/Chip-Test-DAC-FFF1-8000-0000-Key.pem"));
    X509Certificate dac = reader.readCertificate(Vectors.bytes("connectedhomeip/Chip-Test-DAC-FFF1-8000-0000-Cert.pem"));

    java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(dac.getPublicKey());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).isTrue();
  }
}
