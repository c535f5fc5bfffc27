// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.testing.OpenSsl;
import org.iotpki.matter.internal.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DacProvisioningTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2046-01-01T00:00:00Z");
  private static final Path SDK_VECTORS = Path.of("src/test/resources/vectors/attestation/cd/commissioner-dut");
  private static MatterCa paa;
  private static MatterCa pai;
  private static DacCredential credential;

  @TempDir Path dir;

  @BeforeAll
  static void issue() {
    paa = MatterPki.createPaa("iotpki Test PAA", OptionalInt.of(0xFFF1), FROM, UNTIL);
    pai = paa.issuePai("iotpki Test PAI", 0xFFF1, OptionalInt.of(0x8000), FROM, UNTIL);
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    credential = new DacCredential("SN-000001", pai.issueDac(key.getPublic(), 0xFFF1, 0x8000, "iotpki DAC"), key.getPrivate());
  }

  @Test
  void writesTheSdkDevelopmentCredentialLayout() throws Exception {
    byte[] cd = {0x30, 0x03, 0x02, 0x01, 0x07}; // the bytes are copied, not interpreted

    List<Path> files = DacProvisioning.of(credential, pai.certificate()).withCertificationDeclaration(cd)
        .writeTo(dir.resolve("SN-000001"));

    Path device = dir.resolve("SN-000001");
    assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly(
        "dac-Cert.der", "dac-Cert.pem", "dac-Key.der", "dac-Key.pem", "pai-Cert.der", "pai-Cert.pem", "cd.der",
        "test_case_vector.json");
    assertThat(Files.readAllBytes(device.resolve("dac-Cert.der"))).isEqualTo(credential.dac().getEncoded());
    assertThat(Files.readAllBytes(device.resolve("pai-Cert.der"))).isEqualTo(pai.certificate().getEncoded());
    assertThat(Files.readAllBytes(device.resolve("dac-Key.der"))).isEqualTo(credential.privateKey().getEncoded());
    assertThat(Files.readAllBytes(device.resolve("cd.der"))).isEqualTo(cd);
    assertThat(Files.getPosixFilePermissions(device.resolve("dac-Key.der")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(device.resolve("dac-Key.pem")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).containsExactly(device); // no staging directory left behind
    }
  }

  @Test
  void theJsonHasTheSdkVectorsFieldsAndEncodings() throws Exception {
    CdSigner cdSigner = MatterPki.createCdSigner("iotpki CD Signer", FROM, UNTIL);
    byte[] cd = cdSigner.sign(new org.iotpki.matter.attestation.CertificationDeclaration(1, 0xFFF1, List.of(0x8000),
        0x16, "ZIG20142ZB330003-24", 0, 0, 1, 0, OptionalInt.empty(), OptionalInt.empty(), Optional.empty()));
    DacProvisioning.of(credential, pai.certificate()).withCertificationDeclaration(cd).writeTo(dir.resolve("d"));

    Map<String, Object> ours = json(dir.resolve("d/test_case_vector.json"));
    Map<String, Object> sdk = json(SDK_VECTORS.resolve("struct_cd_cert_id_mismatch.json"));

    // The fields the SDK's DAC provider reads, in the SDK's encodings (lowercase hex; raw keys).
    Set<String> deviceFields = Set.of("dac_cert", "pai_cert", "certification_declaration", "dac_private_key", "dac_public_key");
    assertThat(sdk.keySet()).containsAll(deviceFields);
    assertThat(ours.keySet()).containsAll(deviceFields);
    Set<String> extra = new HashSet<>(ours.keySet());
    extra.removeAll(sdk.keySet());
    assertThat(extra).isEmpty();
    for (String field : deviceFields) {
      assertThat((String) ours.get(field)).as(field).matches("[0-9a-f]+");
      assertThat(((String) ours.get(field)).length() % 2).isZero();
    }
    assertThat(((String) ours.get("dac_private_key")).length()).isEqualTo(((String) sdk.get("dac_private_key")).length());
    assertThat(((String) ours.get("dac_public_key")).length()).isEqualTo(((String) sdk.get("dac_public_key")).length());
    assertThat(HexFormat.of().parseHex((String) ours.get("dac_cert"))).isEqualTo(credential.dac().getEncoded());
    assertThat(HexFormat.of().parseHex((String) ours.get("certification_declaration"))).isEqualTo(cd);
    // The raw public key is the DAC's: the last 65 bytes of its P-256 SubjectPublicKeyInfo.
    byte[] spki = credential.dac().getPublicKey().getEncoded();
    assertThat(HexFormat.of().parseHex((String) ours.get("dac_public_key")))
        .isEqualTo(java.util.Arrays.copyOfRange(spki, spki.length - 65, spki.length));
  }

  @Test
  void openSslReadsTheFilesAndVerifiesTheChain() throws Exception {
    DacProvisioning.of(credential, pai.certificate()).writeTo(dir.resolve("d"));
    Files.writeString(dir.resolve("paa.pem"), PemEncoder.certificate(paa.certificate()));

    OpenSsl.Result chain = OpenSsl.run(dir, "verify", "-x509_strict", "-CAfile", "paa.pem", "-untrusted", "d/pai-Cert.pem",
        "d/dac-Cert.pem");
    OpenSsl.Result derKey = OpenSsl.run(dir, "pkey", "-inform", "DER", "-in", "d/dac-Key.der", "-pubout", "-outform", "DER",
        "-out", "from-der-key.der");
    OpenSsl.Result pemKey = OpenSsl.run(dir, "pkey", "-in", "d/dac-Key.pem", "-pubout", "-outform", "DER", "-out",
        "from-pem-key.der");
    OpenSsl.Result derCert = OpenSsl.run(dir, "x509", "-inform", "DER", "-in", "d/dac-Cert.der", "-noout", "-subject");

    assertThat(chain.exitCode()).as(chain.output()).isZero();
    assertThat(derKey.exitCode()).as(derKey.output()).isZero();
    assertThat(pemKey.exitCode()).as(pemKey.output()).isZero();
    assertThat(derCert.exitCode()).as(derCert.output()).isZero();
    byte[] dacPublicKey = credential.dac().getPublicKey().getEncoded();
    assertThat(Files.readAllBytes(dir.resolve("from-der-key.der"))).isEqualTo(dacPublicKey);
    assertThat(Files.readAllBytes(dir.resolve("from-pem-key.der"))).isEqualTo(dacPublicKey);
  }

  @Test
  void aDeviceKeptKeyWritesNoKeyFiles() throws Exception {
    KeyPair deviceKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    X509Certificate dac = pai.issueDac(deviceKey.getPublic(), 0xFFF1, 0x8000, "device-kept key");

    List<Path> files = new DacProvisioning(dac, Optional.empty(), pai.certificate(), Optional.empty()).writeTo(dir.resolve("d"));

    assertThat(files).extracting(path -> path.getFileName().toString())
        .containsExactly("dac-Cert.der", "dac-Cert.pem", "pai-Cert.der", "pai-Cert.pem", "test_case_vector.json");
    assertThat(json(dir.resolve("d/test_case_vector.json"))).doesNotContainKey("dac_private_key").containsKey("dac_public_key");
  }

  @Test
  void neverOverwritesADevicesFiles() throws Exception {
    Path device = Files.createDirectories(dir.resolve("SN-000001"));
    Files.writeString(device.resolve("dac-Key.pem"), "the key that is in the device", StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> DacProvisioning.of(credential, pai.certificate()).writeTo(device))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(device.resolve("dac-Key.pem"))).isEqualTo("the key that is in the device");
  }

  @Test
  void refusesAKeyOrPaiThatDoNotBelong() {
    KeyPair other = KeyPairs.generate(KeyAlgorithm.EC_P256);
    MatterCa otherPai = paa.issuePai("another PAI", 0xFFF1, OptionalInt.empty(), FROM, UNTIL);

    assertThatThrownBy(() -> new DacProvisioning(credential.dac(), Optional.of(other.getPrivate()), pai.certificate(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    assertThatThrownBy(() -> DacProvisioning.of(credential, otherPai.certificate()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not issued by this PAI");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Path file) throws Exception {
    return (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
  }
}
