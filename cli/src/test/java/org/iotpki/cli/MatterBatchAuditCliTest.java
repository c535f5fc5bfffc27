// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.time.Instant;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.matter.issuance.MatterCa;
import org.iotpki.matter.issuance.MatterPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotpki matter batch} and {@code iotpki audit verify|find}. */
class MatterBatchAuditCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private record Run(int exitCode, JsonNode json) {}

  private Run run(String... args) throws Exception {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    return new Run(code, JSON.readTree(out.toString()));
  }

  @Test
  void aBatchWritesCredentialsTheAuditTrailFindsAndATamperedTrailFailsVerification() throws Exception {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    MatterCa paa = MatterPki.createPaa("CLI PAA", OptionalInt.of(0xFFF1), from, from.plusSeconds(400_000_000));
    MatterCa pai = paa.issuePai("CLI PAI", 0xFFF1, OptionalInt.of(0x8000), from, from.plusSeconds(400_000_000));
    Files.writeString(dir.resolve("pai.pem"), PemEncoder.certificate(pai.certificate()));
    Files.writeString(dir.resolve("pai-key.pem"), PemEncoder.privateKey(pai.credential().privateKey()));
    Path out = dir.resolve("run");

    Run batch = run("matter", "batch", "--pai-cert", dir.resolve("pai.pem").toString(), "--pai-key", dir.resolve("pai-key.pem").toString(),
        "--vid", "0xFFF1", "--pid", "0x8000", "--count", "12", "--out", out.toString(), "--json");

    assertThat(batch.exitCode()).isZero();
    assertThat(batch.json().get("issued").asInt()).isEqualTo(12);
    var dac = PkiReader.defaults().readCertificate(out.resolve("SN-000007").resolve("dac-Cert.pem"));
    assertThat(ChainValidator.builder().trustAnchor(paa.certificate()).build()
        .validate(List.of(dac, pai.certificate()), Instant.parse("2030-01-01T00:00:00Z")).isValid()).isTrue();
    Path audit = out.resolve("audit.log");
    Run verify = run("audit", "verify", audit.toString(), "--json");
    assertThat(verify.exitCode()).isZero();
    assertThat(verify.json().get("records").asInt()).isEqualTo(12);
    Run byDevice = run("audit", "find", audit.toString(), "--device-serial", "SN-000007", "--json");
    assertThat(byDevice.json().get("records").get(0).get("certificateSerial").asText()).isEqualTo(dac.getSerialNumber().toString(16));
    Run bySerial = run("audit", "find", audit.toString(), "--cert-serial", dac.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT), "--json");
    assertThat(bySerial.json().get("records").get(0).get("deviceSerial").asText()).isEqualTo("SN-000007");
    assertThat(run("audit", "find", audit.toString(), "--device-serial", "SN-999999", "--json").exitCode()).isEqualTo(1);

    List<String> lines = Files.readAllLines(audit, StandardCharsets.UTF_8);
    lines.remove(4);
    Files.write(audit, lines, StandardCharsets.UTF_8);
    Run tampered = run("audit", "verify", audit.toString(), "--json");
    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.json().get("reason").asText()).isEqualTo("MISSING");
    assertThat(tampered.json().get("line").asInt()).isEqualTo(5);
  }

  @Test
  void refusesAPaiKeyThatIsNotThePaisKey() throws Exception {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    MatterCa paa = MatterPki.createPaa("CLI PAA", OptionalInt.empty(), from, from.plusSeconds(400_000_000));
    MatterCa pai = paa.issuePai("CLI PAI", 0xFFF1, OptionalInt.empty(), from, from.plusSeconds(400_000_000));
    Files.writeString(dir.resolve("pai.pem"), PemEncoder.certificate(pai.certificate()));
    Files.writeString(dir.resolve("paa-key.pem"), PemEncoder.privateKey(paa.credential().privateKey()));

    Run batch = run("matter", "batch", "--pai-cert", dir.resolve("pai.pem").toString(), "--pai-key", dir.resolve("paa-key.pem").toString(),
        "--vid", "0xFFF1", "--pid", "1", "--count", "1", "--out", dir.resolve("run").toString(), "--json");

    assertThat(batch.exitCode()).isEqualTo(2);
    assertThat(batch.json().get("error").asText()).contains("does not belong");
  }
}
