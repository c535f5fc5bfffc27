// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.keys.TokenKey;
import org.iotpki.core.testing.SoftHsm;
import org.iotpki.matter.issuance.MatterCa;
import org.iotpki.matter.issuance.MatterPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotpki hsm keygen} and {@code matter issue dac --key pkcs11:...} against SoftHSM2. */
class HsmCliTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  @TempDir Path dir;
  private Path pinFile;
  private String label;

  @BeforeEach
  void token() throws Exception {
    SoftHsm.token();
    pinFile = Files.writeString(dir.resolve("pin"), SoftHsm.PIN + "\n");
    label = "cli-" + UUID.randomUUID();
  }

  private CliRun keygen(String keyLabel, String algorithm) {
    return CliRun.of("hsm", "keygen", "--module", SoftHsm.LIBRARY.toString(), "--token", SoftHsm.TOKEN_LABEL,
        "--label", keyLabel, "--alg", algorithm, "--pin-file", pinFile.toString(),
        "--public-out", dir.resolve(keyLabel + ".pem").toString(), "--json");
  }

  /** A new P-256 key on the token under {@link #label}, and a certificate for it signed on the token. */
  private void selfSignedWithANewTokenKey(String file, String subject, BasicConstraints constraints)
      throws Exception {
    assertThat(keygen(label, "EC-P256").exitCode()).isZero();
    TokenKey key = SoftHsm.token().open().find(label).orElseThrow();
    Files.writeString(dir.resolve(file), PemEncoder.certificate(CertificateBuilder.create()
        .subject(subject)
        .publicKey(key.certificate().getPublicKey())
        .validity(FROM, FROM.plusSeconds(20L * 365 * 86400))
        .basicConstraints(constraints)
        .sign(key.signer())), StandardCharsets.US_ASCII);
  }

  @Test
  void keygenMakesAnUnextractableKeyAndPrintsItsUri() throws Exception {
    CliRun run = keygen(label, "EC-P384");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.json().get("algorithm").asText()).isEqualTo("EC P-384");
    assertThat(run.json().get("extractable").asBoolean()).isFalse();
    assertThat(run.json().get("uri").asText())
        .isEqualTo("pkcs11:token=" + SoftHsm.TOKEN_LABEL + ";object=" + label + ";type=private");
    assertThat(PkiReader.defaults().readPublicKey(dir.resolve(label + ".pem")).getAlgorithm()).isEqualTo("EC");
    assertThat(run.out() + run.err()).doesNotContain(SoftHsm.PIN);
  }

  @Test
  void keygenRefusesATakenLabelAndAnUnknownTokenWithExitTwo() throws Exception {
    assertThat(keygen(label, "EC-P256").exitCode()).isZero();

    CliRun again = CliRun.of("hsm", "keygen", "--module", SoftHsm.LIBRARY.toString(), "--token", SoftHsm.TOKEN_LABEL,
        "--label", label, "--alg", "EC-P256", "--pin-file", pinFile.toString(), "--json");
    CliRun noToken = CliRun.of("hsm", "keygen", "--module", SoftHsm.LIBRARY.toString(), "--token", "no-such-token",
        "--label", label, "--alg", "EC-P256", "--pin-file", pinFile.toString(), "--json");

    assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(again.json().get("error").asText()).contains("already has a key labelled");
    assertThat(noToken.exitCode()).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(noToken.json().get("error").asText()).contains("no-such-token");
  }

  @Test
  void aDacIssuedWithThePaiKeyInTheTokenPassesMatterVerify() throws Exception {
    assertThat(keygen(label, "EC-P256").exitCode()).isZero();
    MatterCa paa = MatterPki.createPaa("CLI PAA", OptionalInt.of(0xFFF1), FROM, FROM.plusSeconds(20L * 365 * 86400));
    Files.writeString(dir.resolve("paa.pem"), PemEncoder.certificate(paa.certificate()), StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve("pai.pem"), PemEncoder.certificate(paa.issuePaiCertificate(
        PkiReader.defaults().readPublicKey(dir.resolve(label + ".pem")), "CLI HSM PAI", 0xFFF1, OptionalInt.of(0x8000),
        FROM, FROM.plusSeconds(10L * 365 * 86400))), StandardCharsets.US_ASCII);
    String uri = "pkcs11:token=" + SoftHsm.TOKEN_LABEL + ";object=" + label + "?pin-source=" + pinFile.toUri();

    CliRun dac = CliRun.of("matter", "issue", "dac", "--pai-cert", dir.resolve("pai.pem").toString(), "--key", uri,
        "--pkcs11-module", SoftHsm.LIBRARY.toString(), "--vid", "0xFFF1", "--pid", "0x8000", "--cn", "HSM DAC SN-000001",
        "--not-before", "2026-01-01T00:00:00Z", "--out", dir.resolve("SN-000001").toString(), "--json");
    CliRun verify = CliRun.of("matter", "verify", "--paa", dir.resolve("paa.pem").toString(),
        "--pai", dir.resolve("SN-000001/pai-Cert.pem").toString(), "--dac", dir.resolve("SN-000001/dac-Cert.der").toString(),
        "--json");

    assertThat(dac.exitCode()).as(dac.err()).isZero();
    assertThat(verify.exitCode()).as(verify.out()).isZero();
    assertThat(verify.json().get("result").asText()).isEqualTo("SUCCESS");
  }

  @Test
  void aPaiIssuedWithThePaaKeyInTheTokenIssuesDacsThatPassMatterVerify() throws Exception {
    selfSignedWithANewTokenKey("paa.pem", "CN=CLI HSM PAA", BasicConstraints.ca(1));
    String uri = "pkcs11:token=" + SoftHsm.TOKEN_LABEL + ";object=" + label + "?module-path=" + SoftHsm.LIBRARY;

    CliRun pai = CliRun.of("matter", "issue", "pai", "--paa-cert", dir.resolve("paa.pem").toString(), "--key", uri,
        "--pin-file", pinFile.toString(), "--cn", "CLI PAI", "--vid", "0xFFF1", "--pid", "0x8000",
        "--not-before", "2026-01-01T00:00:00Z", "--out-cert", dir.resolve("pai.pem").toString(),
        "--out-key", dir.resolve("pai-key.pem").toString(), "--json");
    CliRun dac = CliRun.of("matter", "issue", "dac", "--pai-cert", dir.resolve("pai.pem").toString(),
        "--pai-key", dir.resolve("pai-key.pem").toString(), "--vid", "0xFFF1", "--pid", "0x8000",
        "--cn", "HSM DAC SN-000002", "--not-before", "2026-01-01T00:00:00Z", "--out", dir.resolve("SN-000002").toString());
    CliRun verify = CliRun.of("matter", "verify", "--paa", dir.resolve("paa.pem").toString(),
        "--pai", dir.resolve("pai.pem").toString(), "--dac", dir.resolve("SN-000002/dac-Cert.der").toString(), "--json");

    assertThat(pai.exitCode()).as(pai.err()).isZero();
    assertThat(dac.exitCode()).as(dac.err()).isZero();
    assertThat(verify.exitCode()).as(verify.out()).isZero();
    assertThat(verify.json().get("result").asText()).isEqualTo("SUCCESS");
  }

  @Test
  void aCdSignedWithAKeyInTheTokenVerifiesWithTheSignerCertificate() throws Exception {
    selfSignedWithANewTokenKey("cd-signer.pem", "CN=CLI HSM CD Signer", BasicConstraints.endEntity());
    String uri = "pkcs11:token=" + SoftHsm.TOKEN_LABEL + ";object=" + label + "?pin-source=" + pinFile.toUri();

    CliRun signed = CliRun.of("matter", "cd", "sign", "--signer-cert", dir.resolve("cd-signer.pem").toString(),
        "--key", uri, "--pkcs11-module", SoftHsm.LIBRARY.toString(), "--vid", "0xFFF1", "--pid", "0x8000",
        "--device-type", "0x0016", "--certificate-id", "ZIG20142ZB330003-24",
        "--out", dir.resolve("cd.der").toString(), "--json");
    CliRun both = CliRun.of("matter", "cd", "sign", "--signer-cert", dir.resolve("cd-signer.pem").toString(),
        "--key", uri, "--signer-key", dir.resolve("cd-signer.pem").toString(), "--vid", "0xFFF1",
        "--pid", "0x8000", "--device-type", "0x0016", "--certificate-id", "ZIG20142ZB330003-24",
        "--out", dir.resolve("cd2.der").toString());

    MatterCa paa = MatterPki.createPaa("CLI PAA", OptionalInt.of(0xFFF1), FROM, FROM.plusSeconds(20L * 365 * 86400));
    MatterCa pai = paa.issuePai("CLI PAI", 0xFFF1, OptionalInt.of(0x8000), FROM, FROM.plusSeconds(10L * 365 * 86400));
    Files.writeString(dir.resolve("paa.pem"), PemEncoder.certificate(paa.certificate()), StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve("pai.pem"), PemEncoder.certificate(pai.certificate()), StandardCharsets.US_ASCII);
    Files.write(dir.resolve("dac.der"), pai.issueDacDer(
        org.iotpki.core.crypto.KeyPairs.generate(org.iotpki.core.crypto.KeyAlgorithm.EC_P256).getPublic(),
        0xFFF1, 0x8000, "CLI DAC", FROM, FROM.plusSeconds(5L * 365 * 86400)));
    CliRun verify = CliRun.of("matter", "verify", "--paa", dir.resolve("paa.pem").toString(),
        "--pai", dir.resolve("pai.pem").toString(), "--dac", dir.resolve("dac.der").toString(),
        "--cd", dir.resolve("cd.der").toString(), "--cd-signer", dir.resolve("cd-signer.pem").toString(), "--json");

    assertThat(signed.exitCode()).as(signed.err()).isZero();
    assertThat(verify.exitCode()).as(verify.out()).isZero();
    assertThat(verify.json().get("result").asText()).isEqualTo("SUCCESS");
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE_OR_INPUT);
  }

  @Test
  void aPkcs11KeyWithoutAModuleIsAUsageError() throws Exception {
    Files.writeString(dir.resolve("pai.pem"), "not read", StandardCharsets.US_ASCII);
    CliRun dac = CliRun.of("matter", "issue", "dac", "--pai-cert", dir.resolve("pai.pem").toString(),
        "--key", "pkcs11:token=t;object=k", "--vid", "0xFFF1", "--pid", "0x8000", "--cn", "x",
        "--out", dir.resolve("out").toString(), "--json");

    assertThat(dac.exitCode()).isEqualTo(ExitCode.USAGE_OR_INPUT);
  }
}
