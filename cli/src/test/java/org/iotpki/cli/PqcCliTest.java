// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.OptionalInt;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.issuance.MatterCa;
import org.iotpki.matter.issuance.MatterPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotpki pqc keygen|issue|size} and {@code cert verify|validate} on post-quantum chains. */
class PqcCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private record Run(int exitCode, JsonNode json) {}

  /** Runs with --json (added when missing), so every run answers one JSON object. */
  private Run run(String... args) throws Exception {
    String[] withJson = java.util.Arrays.asList(args).contains("--json") ? args : java.util.stream.Stream
        .concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--json")).toArray(String[]::new);
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), withJson);
    return new Run(code, JSON.readTree(out.toString()));
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void issuesAPostQuantumChainThatTheCertCommandsAcceptAndMeasure() throws Exception {
    Run rootKey = run("pqc", "keygen", "--alg", "ML-DSA-65", "--out", path("root.key"), "--public-out", path("root.pub"), "--json");
    Run root = run("pqc", "issue", "--subject", "CN=PQ Root", "--public-key", path("root.pub"), "--key", path("root.key"),
        "--ca", "--out", path("root.pem"), "--json");
    run("pqc", "keygen", "--alg", "mldsa44-ecdsa-p256-sha256", "--out", path("device.key"), "--public-out", path("device.pub"));
    Run device = run("pqc", "issue", "--subject", "CN=pq-device", "--public-key", path("device.pub"),
        "--issuer-cert", path("root.pem"), "--issuer-key", path("root.key"), "--days", "0x1e", "--out", path("device.pem"), "--json");

    assertThat(rootKey.json().get("oid").asText()).isEqualTo("2.16.840.1.101.3.4.3.18");
    assertThat(Files.getPosixFilePermissions(dir.resolve("root.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(root.json().get("signatureAlgorithm").asText()).isEqualTo("ML_DSA_65");
    assertThat(device.json().get("publicKeyAlgorithm").asText()).isEqualTo("MLDSA44-ECDSA-P256-SHA256");
    assertThat(run("cert", "validate", "--chain", path("device.pem"), "--trust", path("root.pem"), "--json").exitCode()).isZero();
    Run verify = run("cert", "verify", "--cert", path("device.pem"), "--issuer", path("root.pem"), "--json");
    assertThat(verify.exitCode()).isZero();
    assertThat(verify.json().get("signatureAlgorithmOid").asText()).isEqualTo("2.16.840.1.101.3.4.3.18");

    Run size = run("pqc", "size", path("device.pem"), path("root.pem"), "--ram", "0x400", "--json");
    assertThat(size.exitCode()).isZero();
    assertThat(size.json().get("certificates")).hasSize(2);
    assertThat(size.json().get("certificates").get(1).get("signatureBytes").asInt()).isEqualTo(3309); // ML-DSA-65
    assertThat(size.json().get("fitsFlash").asBoolean()).isTrue();
    assertThat(size.json().get("verificationFitsRam").asBoolean()).isFalse();

    byte[] tampered = PkiReader.defaults().readCertificate(dir.resolve("device.pem")).getEncoded();
    tampered[tampered.length - 10] ^= 0x01;
    Files.writeString(dir.resolve("tampered.pem"), PemEncoder.encode("CERTIFICATE", tampered));
    Run rejected = run("cert", "verify", "--cert", path("tampered.pem"), "--issuer", path("root.pem"), "--json");
    assertThat(rejected.exitCode()).isEqualTo(1);
    assertThat(rejected.json().get("reason").asText()).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void issuesCatalystCertificatesWhoseComponentsCertVerifyReports() throws Exception {
    run("pqc", "keygen", "--alg", "EC-P256", "--out", path("root.key"), "--public-out", path("root.pub"));
    run("pqc", "keygen", "--alg", "ML-DSA-44", "--out", path("root-pq.key"), "--public-out", path("root-pq.pub"));
    run("pqc", "keygen", "--alg", "EC-P256", "--out", path("device.key"), "--public-out", path("device.pub"));
    Run root = run("pqc", "issue", "--subject", "CN=Catalyst Root", "--public-key", path("root.pub"), "--key", path("root.key"),
        "--alt-public-key", path("root-pq.pub"), "--alt-signing-key", path("root-pq.key"), "--ca", "--out", path("root.pem"), "--json");
    Run device = run("pqc", "issue", "--subject", "CN=device", "--public-key", path("device.pub"),
        "--issuer-cert", path("root.pem"), "--issuer-key", path("root.key"), "--alt-signing-key", path("root-pq.key"),
        "--out", path("device.pem"), "--json");

    assertThat(root.exitCode()).as("%s", root.json()).isZero();
    assertThat(device.exitCode()).as("%s", device.json()).isZero();
    Run verify = run("cert", "verify", "--cert", path("device.pem"), "--issuer", path("root.pem"), "--json");
    assertThat(verify.exitCode()).isZero();
    assertThat(verify.json().get("components")).hasSize(2);
    assertThat(verify.json().get("components").get(1).get("name").asText()).isEqualTo("alternative");
    assertThat(verify.json().get("components").get(1).get("algorithmOid").asText()).isEqualTo("2.16.840.1.101.3.4.3.17");
    assertThat(verify.json().get("components").get(1).get("valid").asBoolean()).isTrue();

    Run wrongKey = run("pqc", "issue", "--subject", "CN=device2", "--public-key", path("device.pub"),
        "--issuer-cert", path("root.pem"), "--issuer-key", path("root.key"), "--alt-signing-key", path("device.key"),
        "--out", path("device2.pem"), "--json");
    assertThat(wrongKey.exitCode()).isEqualTo(2);
  }

  @Test
  void refusesUnknownAlgorithmsAndMissingSigners() throws Exception {
    assertThat(run("pqc", "keygen", "--alg", "ML-DSA-99", "--out", path("a"), "--public-out", path("b"), "--json").exitCode()).isEqualTo(2);
    run("pqc", "keygen", "--alg", "ML-DSA-44", "--out", path("k"), "--public-out", path("p"));
    Run noSigner = run("pqc", "issue", "--subject", "CN=x", "--public-key", path("p"), "--out", path("x.pem"), "--json");
    assertThat(noSigner.exitCode()).isEqualTo(2);
    assertThat(noSigner.json().get("error").asText()).contains("--key");
  }

  @Test
  void writesMlDsaKeysInTheSeedFormUnlessAskedOtherwise() throws Exception {
    Run seed = run("pqc", "keygen", "--alg", "ML-DSA-44", "--out", path("seed.key"), "--public-out", path("seed.pub"));
    Run both = run("pqc", "keygen", "--alg", "ML-DSA-44", "--format", "both", "--out", path("both.key"), "--public-out", path("both.pub"));
    Run expanded = run("pqc", "keygen", "--alg", "ML-DSA-44", "--format", "EXPANDED", "--out", path("x.key"), "--public-out", path("x.pub"));

    assertThat(seed.json().get("format").asText()).isEqualTo("seed");
    assertThat(both.json().get("format").asText()).isEqualTo("both");
    // PKCS#8 with a 32-byte seed is 54 bytes; the expanded ML-DSA-44 key alone is 2560
    assertThat(PkiReader.defaults().read(dir.resolve("seed.key"))).hasSize(1);
    assertThat(der(path("seed.key"))).hasSize(54);
    assertThat(der(path("x.key")).length).isBetween(2560, 2600);
    assertThat(der(path("both.key")).length).isGreaterThan(2560 + 32);
    for (String key : new String[] {"seed", "both", "x"}) {
      assertThat(run("pqc", "issue", "--subject", "CN=" + key, "--public-key", path(key + ".pub"), "--key", path(key + ".key"),
          "--out", path(key + ".pem")).exitCode()).as(key).isZero();
    }
    assertThat(run("pqc", "keygen", "--alg", "EC-P256", "--format", "seed", "--out", path("ec.key"), "--public-out", path("ec.pub"))
        .exitCode()).isEqualTo(2);
    assertThat(run("pqc", "keygen", "--alg", "ML-DSA-44", "--format", "compact", "--out", path("c.key"), "--public-out", path("c.pub"))
        .exitCode()).isEqualTo(2);
  }

  @Test
  void certVerifyReportsBothHalvesOfACompositeSignature() throws Exception {
    run("pqc", "keygen", "--alg", "MLDSA65-Ed25519-SHA512", "--out", path("c.key"), "--public-out", path("c.pub"));
    run("pqc", "issue", "--subject", "CN=Composite Root", "--public-key", path("c.pub"), "--key", path("c.key"), "--ca",
        "--out", path("c.pem"));

    Run verify = run("cert", "verify", "--cert", path("c.pem"), "--json");

    assertThat(verify.exitCode()).isZero();
    assertThat(verify.json().get("components")).hasSize(2);
    assertThat(verify.json().get("components").get(0).get("name").asText()).isEqualTo("ml-dsa");
    assertThat(verify.json().get("components").get(0).get("algorithmOid").asText()).isEqualTo("2.16.840.1.101.3.4.3.18");
    assertThat(verify.json().get("components").get(1).get("name").asText()).isEqualTo("traditional");
    assertThat(verify.json().get("components").get(1).get("algorithmOid").asText()).isEqualTo("1.3.101.112");
    assertThat(verify.json().get("components").get(1).get("valid").asBoolean()).isTrue();
  }

  @Test
  void matterVerifyAcceptsMlDsaAuthoritiesOnlyWhenAsked() throws Exception {
    java.time.Instant from = Instant.parse("2026-01-01T00:00:00Z");
    java.time.Instant until = from.plusSeconds(3650L * 86400);
    var paa = MatterPki.createPaa("PQC PAA", OptionalInt.of(0xFFF1), from, until,
        KeyAlgorithm.ML_DSA_65);
    var pai = paa.issuePai("PQC PAI", 0xFFF1, OptionalInt.of(0x8000), from, until,
        KeyAlgorithm.ML_DSA_44);
    var dac = pai.issueDac(KeyPairs.generate(KeyAlgorithm.EC_P256).getPublic(),
        0xFFF1, 0x8000, "PQC DAC", from, MatterCa.NO_EXPIRATION);
    Files.writeString(dir.resolve("paa.pem"), PemEncoder.certificate(paa.certificate()));
    Files.writeString(dir.resolve("pai.pem"), PemEncoder.certificate(pai.certificate()));
    Files.writeString(dir.resolve("dac.pem"), PemEncoder.certificate(dac));

    Run legacy = run("matter", "verify", "--paa", path("paa.pem"), "--pai", path("pai.pem"), "--dac", path("dac.pem"),
        "--at", "2026-06-01T00:00:00Z");
    Run accepted = run("matter", "verify", "--paa", path("paa.pem"), "--pai", path("pai.pem"), "--dac", path("dac.pem"),
        "--at", "2026-06-01T00:00:00Z", "--accept-ml-dsa");

    assertThat(legacy.exitCode()).isEqualTo(1);
    assertThat(legacy.json().get("result").asText()).isEqualTo("PAI_FORMAT_INVALID");
    assertThat(accepted.exitCode()).as(accepted.json().toString()).isZero();
    assertThat(accepted.json().get("result").asText()).isEqualTo("SUCCESS");
  }

  private static byte[] der(String pemFile) throws Exception {
    String pem = Files.readString(Path.of(pemFile)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return java.util.Base64.getDecoder().decode(pem);
  }
}
