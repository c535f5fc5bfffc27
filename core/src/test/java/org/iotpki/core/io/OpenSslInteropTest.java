// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.List;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.cert.CsrBuilder;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.testing.OpenSsl;
import org.iotpki.core.validation.ChainResult;
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.core.validation.SignatureVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** OpenSSL as the independent peer: it reads what we write, and we read what it writes. */
class OpenSslInteropTest {
  @TempDir Path dir;

  @BeforeEach
  void requireOpenSsl() {
    OpenSsl.require();
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
  }

  private OpenSsl.Result openssl(String... args) {
    return OpenSsl.run(dir, args);
  }

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "ED25519", "RSA_2048"})
  void openSslVerifiesChainsWeIssueUnderItsStrictMode(KeyAlgorithm algorithm) throws Exception {
    Issuer root = Issuer.root("CN=Root,O=iotpki test", algorithm);
    Issuer intermediate = root.intermediate("CN=Intermediate,O=iotpki test");
    Issuer leaf = intermediate.leaf("CN=device-0001,O=iotpki test");
    write("root.pem", PemEncoder.certificate(root.certificate()));
    write("intermediate.pem", PemEncoder.certificate(intermediate.certificate()));
    write("leaf.pem", PemEncoder.certificate(leaf.certificate()));
    long during = Issuer.NOW.getEpochSecond() + 86_400;

    OpenSsl.Result result =
        openssl("verify", "-x509_strict", "-attime", Long.toString(during), "-CAfile", "root.pem",
            "-untrusted", "intermediate.pem", "leaf.pem");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.stdout()).contains("leaf.pem: OK");
  }

  @Test
  void openSslRejectsAChainWhoseSignatureWeTampered() throws Exception {
    Issuer root = Issuer.root("CN=Root", KeyAlgorithm.EC_P256);
    Issuer leaf = root.leaf("CN=device");
    byte[] der = leaf.certificate().getEncoded();
    der[der.length - 3] ^= 0x01;
    write("root.pem", PemEncoder.certificate(root.certificate()));
    write("leaf.pem", PemEncoder.encode("CERTIFICATE", der));

    OpenSsl.Result result =
        openssl("verify", "-attime", Long.toString(Issuer.NOW.getEpochSecond() + 60), "-CAfile", "root.pem", "leaf.pem");

    assertThat(result.exitCode()).as(result.output()).isNotZero();
  }

  @Test
  void openSslVerifiesOurCsrAndSeesItsSubjectAltName() throws Exception {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    CertificationRequest csr =
        CsrBuilder.create()
            .subject("CN=sensor-0042")
            .subjectAltNames(GeneralName.dns("sensor-0042.example"))
            .challengePassword("s3cret-otp".toCharArray())
            .sign(Signer.of(key));
    write("csr.pem", PemEncoder.certificationRequest(csr));

    OpenSsl.Result result = openssl("req", "-in", "csr.pem", "-verify", "-noout", "-text");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("verify OK").contains("DNS:sensor-0042.example").contains("challengePassword");
    assertThat(SignatureVerifier.bouncyCastle().verify(csr).isValid()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "ED25519", "RSA_2048"})
  void openSslDecryptsOurEncryptedKeysAndWeDecryptItsOwn(KeyAlgorithm algorithm) throws Exception {
    KeyPair key = KeyPairs.generate(algorithm);
    write("ours.pem", PemEncoder.encryptedPrivateKey(key.getPrivate(), "correct horse".toCharArray(), 10_000));

    OpenSsl.Result decrypted = openssl("pkey", "-in", "ours.pem", "-passin", "pass:correct horse", "-pubout");
    assertThat(decrypted.exitCode()).as(decrypted.output()).isZero();
    assertThat(decrypted.stdout()).isEqualTo(PemEncoder.publicKey(key.getPublic()));

    write("plain.pem", PemEncoder.privateKey(key.getPrivate()));
    OpenSsl.Result encrypted =
        openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "plain.pem", "-out", "theirs.pem", "-passout", "pass:battery staple");
    assertThat(encrypted.exitCode()).as(encrypted.output()).isZero();
    PrivateKey read = PkiReader.defaults().readPrivateKey(dir.resolve("theirs.pem"), "battery staple".toCharArray());
    // Same key material (compared in iotpki's normalized PKCS#8 form: BC adds the public key to
    // Ed25519 encodings that OpenSSL leaves out).
    assertThat(PemEncoder.privateKey(read)).isEqualTo(PemEncoder.privateKey(key.getPrivate()));
  }

  @Test
  void weReadOpenSslSec1KeysWithTheirEcParametersBlockAndWriteSec1ItReads() throws Exception {
    OpenSsl.Result generated = openssl("ecparam", "-genkey", "-name", "prime256v1", "-out", "sec1.pem");
    assertThat(generated.exitCode()).as(generated.output()).isZero();

    List<PkiObject> objects = PkiReader.defaults().read(dir.resolve("sec1.pem"));
    assertThat(objects).singleElement().isInstanceOf(PkiObject.PrivateKeyObject.class);
    ECPrivateKey key = (ECPrivateKey) ((PkiObject.PrivateKeyObject) objects.get(0)).key();

    write("ours-sec1.pem", PemEncoder.sec1PrivateKey(key));
    OpenSsl.Result check = openssl("ec", "-in", "ours-sec1.pem", "-check", "-noout");
    assertThat(check.exitCode()).as(check.output()).isZero();
    OpenSsl.Result same = openssl("pkey", "-in", "sec1.pem", "-pubout");
    OpenSsl.Result ours = openssl("pkey", "-in", "ours-sec1.pem", "-pubout");
    assertThat(ours.stdout()).isEqualTo(same.stdout());
  }

  @Test
  void weValidateAChainOpenSslIssuedAndReadItsCsrAndCrl() throws Exception {
    assertThat(openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=OpenSSL Test CA", "-days", "30",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign").exitCode()).isZero();
    assertThat(openssl("req", "-new", "-newkey", "ed25519", "-nodes", "-keyout", "device.key",
            "-out", "device.csr", "-subj", "/CN=device-0001").exitCode()).isZero();
    write("device.ext", "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
        + "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
    assertThat(openssl("x509", "-req", "-in", "device.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", "10", "-extfile", "device.ext", "-out", "device.pem").exitCode()).isZero();
    write("index.txt", "");
    write("crlnumber", "01\n");
    write("ca.cnf", "[ca]\ndefault_ca = test\n[test]\ndatabase = index.txt\ncrlnumber = crlnumber\n"
        + "default_md = sha256\ndefault_crl_days = 7\n");
    assertThat(openssl("ca", "-config", "ca.cnf", "-revoke", "device.pem", "-keyfile", "ca.key", "-cert", "ca.pem")
        .exitCode()).isZero();
    assertThat(openssl("ca", "-config", "ca.cnf", "-gencrl", "-keyfile", "ca.key", "-cert", "ca.pem", "-out", "crl.pem")
        .exitCode()).isZero();

    PkiReader reader = PkiReader.defaults();
    X509Certificate ca = reader.readCertificate(dir.resolve("ca.pem"));
    X509Certificate device = reader.readCertificate(dir.resolve("device.pem"));
    CertificationRequest csr = reader.readCertificationRequest(dir.resolve("device.csr"));
    X509CRL crl = reader.readCrl(dir.resolve("crl.pem"));
    PrivateKey deviceKey = reader.readPrivateKey(dir.resolve("device.key"));

    ChainResult result = ChainValidator.builder().trustAnchor(ca).build().validate(List.of(device), Instant.now());
    assertThat(result.isValid()).as("%s", result).isTrue();
    assertThat(SignatureVerifier.bouncyCastle().verify(csr).isValid()).isTrue();
    assertThat(csr.publicKey().getEncoded()).isEqualTo(device.getPublicKey().getEncoded());
    assertThat(SignatureVerifier.bouncyCastle().verify(crl, ca.getPublicKey()).isValid()).isTrue();
    assertThat(crl.isRevoked(device)).isTrue();
    assertThat(KeyAlgorithm.of(device.getPublicKey())).contains(KeyAlgorithm.ED25519);
    assertThat(deviceKey.getAlgorithm()).isIn("Ed25519", "EdDSA");
  }
}
