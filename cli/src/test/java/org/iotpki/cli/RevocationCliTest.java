// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.testing.TestCrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotpki revocation build|delta|check}: exit codes and JSON per the CLI contract. */
class RevocationCliTest {
  @TempDir Path dir;
  private List<BigInteger> issued;

  @BeforeEach
  void fiveThousandIssuedSerials() {
    Random random = new Random(40);
    issued = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      issued.add(new BigInteger(128, random).setBit(0));
    }
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  /** A serial file as people write them: 0x on some lines, comments, blank lines. */
  private String serials(String name, List<BigInteger> serials) throws Exception {
    StringBuilder text = new StringBuilder("# serials, one per line\n\n");
    for (int i = 0; i < serials.size(); i++) {
      text.append(i % 2 == 0 ? "0x" : "").append(serials.get(i).toString(16)).append(i % 3 == 0 ? "  # note\n" : "\n");
    }
    Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    return file(name);
  }

  private static String hex(BigInteger serial) {
    return serial.toString(16);
  }

  @Test
  void buildThenCheckARevokedAndANotRevokedSerial() throws Exception {
    List<BigInteger> revoked = issued.subList(0, 50);

    CliRun build = CliRun.of("revocation", "build", "--issued", serials("issued.txt", issued),
        "--revoked", serials("revoked.txt", revoked), "--out", file("filter.bin"), "--json");
    CliRun isRevoked = CliRun.of("revocation", "check", "--filter", file("filter.bin"), "--serial", "0x" + hex(issued.get(7)), "--json");
    CliRun notRevoked = CliRun.of("revocation", "check", "--filter", file("filter.bin"), "--serial", hex(issued.get(70)), "--json");

    assertThat(build.exitCode()).isZero();
    assertThat(build.json().get("issued").asLong()).isEqualTo(5000);
    assertThat(build.json().get("revoked").asLong()).isEqualTo(50);
    assertThat(build.json().get("bytes").asLong()).isEqualTo(Files.size(dir.resolve("filter.bin")));
    assertThat(build.json().get("bytesPerRevoked").asDouble())
        .isCloseTo(build.json().get("bytes").asLong() / 50.0, within(0.001));
    assertThat(build.json().get("id").asText()).hasSize(32);
    assertThat(isRevoked.exitCode()).isEqualTo(1);
    assertThat(isRevoked.json().get("revoked").asBoolean()).isTrue();
    assertThat(isRevoked.json().get("serial").asText()).isEqualTo(hex(issued.get(7)));
    assertThat(isRevoked.json().get("filter").asText()).isEqualTo(build.json().get("id").asText());
    assertThat(notRevoked.exitCode()).isZero();
    assertThat(notRevoked.json().get("revoked").asBoolean()).isFalse();
    assertThat(CliRun.of("revocation", "check", "--filter", file("filter.bin"), "--serial", hex(issued.get(7))).out())
        .startsWith("REVOKED: serial " + hex(issued.get(7)));
  }

  @Test
  void buildFromACrlVerifiedWithItsIssuer() throws Exception {
    Issuer ca = Issuer.root("CN=Revocation CLI CA", KeyAlgorithm.EC_P256);
    Issuer impostor = Issuer.root("CN=Revocation CLI CA", KeyAlgorithm.EC_P256);
    Files.write(dir.resolve("crl.der"), TestCrl.of(ca, issued.subList(100, 120)).getEncoded());
    Files.writeString(dir.resolve("ca.pem"), PemEncoder.certificate(ca.certificate()));
    Files.writeString(dir.resolve("impostor.pem"), PemEncoder.certificate(impostor.certificate()));
    String issuedFile = serials("issued.txt", issued);

    CliRun build = CliRun.of("revocation", "build", "--issued", issuedFile, "--crl", file("crl.der"),
        "--crl-issuer", file("ca.pem"), "--out", file("filter.bin"), "--json");
    CliRun forged = CliRun.of("revocation", "build", "--issued", issuedFile, "--crl", file("crl.der"),
        "--crl-issuer", file("impostor.pem"), "--out", file("forged.bin"), "--json");
    CliRun check = CliRun.of("revocation", "check", "--filter", file("filter.bin"), "--serial", hex(issued.get(110)), "--json");

    assertThat(build.exitCode()).isZero();
    assertThat(build.json().get("revoked").asLong()).isEqualTo(20);
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(forged.exitCode()).isEqualTo(1);
    assertThat(forged.json().get("reason").asText()).isEqualTo("SIGNATURE_INVALID");
    assertThat(dir.resolve("forged.bin")).doesNotExist();
  }

  @Test
  void dailyDeltasAppliedInOrder() throws Exception {
    List<BigInteger> revoked = new ArrayList<>(issued.subList(0, 10));
    List<BigInteger> day0 = issued.subList(0, 4000);
    CliRun.of("revocation", "build", "--issued", serials("issued-0.txt", day0), "--revoked", serials("revoked-0.txt", revoked),
        "--out", file("filter.bin"));
    revoked.add(issued.get(20)); // an old certificate
    revoked.add(issued.get(4500)); // one issued since the filter

    CliRun first = CliRun.of("revocation", "delta", "--base", file("filter.bin"), "--issued", serials("issued-1.txt", issued),
        "--revoked", serials("revoked-1.txt", revoked), "--out", file("delta-1.bin"), "--json");
    revoked.remove(0); // a certificateHold released
    CliRun second = CliRun.of("revocation", "delta", "--base", file("filter.bin"), "--delta", file("delta-1.bin"),
        "--issued", serials("issued-2.txt", issued), "--revoked", serials("revoked-2.txt", revoked), "--out", file("delta-2.bin"), "--json");

    assertThat(first.exitCode()).isZero();
    assertThat(first.json().get("sequence").asLong()).isEqualTo(1);
    assertThat(first.json().get("revoked").asInt()).isEqualTo(2);
    assertThat(second.json().get("sequence").asLong()).isEqualTo(2);
    assertThat(second.json().get("notRevoked").asInt()).isGreaterThanOrEqualTo(1);
    // The revoked, the released one, and a sample of the old and the new (the library tests check all).
    List<BigInteger> sample = new ArrayList<>(issued.subList(0, 150));
    sample.addAll(issued.subList(4000, 4150));
    sample.add(issued.get(4500));
    List<BigInteger> wrong = sample.stream()
        .filter(serial -> (check(serial, "delta-1.bin", "delta-2.bin") == 1) != revoked.contains(serial))
        .collect(Collectors.toList());
    assertThat(wrong).as("serials answered wrongly after two deltas").isEmpty();
    CliRun skipped = CliRun.of("revocation", "check", "--filter", file("filter.bin"), "--delta", file("delta-2.bin"),
        "--serial", "1", "--json");
    assertThat(skipped.exitCode()).isEqualTo(2);
    assertThat(skipped.json().get("error").asText()).contains("delta 2 is out of sequence");
  }

  private int check(BigInteger serial, String... deltas) {
    List<String> args = new ArrayList<>(List.of("revocation", "check", "--filter", file("filter.bin"), "--serial", hex(serial)));
    for (String delta : deltas) {
      args.add("--delta");
      args.add(file(delta));
    }
    return CliRun.of(args.toArray(String[]::new)).exitCode();
  }

  @Test
  void badInputExitsTwoWithoutAStackTrace() throws Exception {
    String issuedFile = serials("issued.txt", issued.subList(0, 10));
    Files.writeString(dir.resolve("typo.txt"), "0x1f\n0xzz\n");
    Files.write(dir.resolve("garbage.bin"), new byte[] {'I', 'P', 'R', 'F', 1, 0});

    CliRun notIssued = CliRun.of("revocation", "build", "--issued", issuedFile, "--revoked", serials("other.txt", List.of(BigInteger.TEN)),
        "--out", file("x.bin"), "--json");
    CliRun typo = CliRun.of("revocation", "build", "--issued", file("typo.txt"), "--revoked", file("typo.txt"), "--out", file("x.bin"), "--json");
    CliRun garbage = CliRun.of("revocation", "check", "--filter", file("garbage.bin"), "--serial", "0a", "--json");
    CliRun badSerial = CliRun.of("revocation", "check", "--filter", file("garbage.bin"), "--serial", "xyz", "--json");
    CliRun bothSources = CliRun.of("revocation", "build", "--issued", issuedFile, "--revoked", issuedFile, "--crl", issuedFile,
        "--crl-issuer", issuedFile, "--out", file("x.bin"), "--json");

    assertThat(notIssued.json().get("error").asText()).isEqualTo("revoked serial 0xa is not in the issued set");
    assertThat(typo.json().get("error").asText()).contains("typo.txt line 2: '0xzz' is not a serial number in hex");
    assertThat(garbage.json().get("error").asText()).contains("garbage.bin: truncated");
    assertThat(badSerial.json().get("error").asText()).contains("'xyz' is not a serial number in hex");
    for (CliRun run : List.of(notIssued, typo, garbage, badSerial, bothSources)) {
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).doesNotContain("\tat ");
    }
    assertThat(dir.resolve("x.bin")).doesNotExist();
  }
}
