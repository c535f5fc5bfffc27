// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.iotpki.core.lifecycle.FileCredentialStore;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.testing.SoftHsm;
import org.iotpki.testkit.CmpServer;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.ScepServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code iotpki agent run} against the testkit SCEP (bootstrap) and EST (renewal) servers. */
class AgentCliTest {
  @TempDir Path directory;
  static TestCa ca;
  static EstServer est;

  @BeforeAll
  static void start() {
    ca = TestCa.create().intermediate("CN=iotpki Agent Test CA");
    est = EstServer.builder(ca).start();
  }

  @AfterAll
  static void stop() {
    est.close();
  }

  @Test
  void bootstrapsThroughScepPendingThenIssuedThenUpToDate() throws Exception {
    try (ScepServer scep = AgentFixture.scep(ca, true)) {
      AgentFixture device = AgentFixture.create(directory, scep, est, "");

      CliRun pending = device.run();
      assertThat(pending.exitCode()).as(pending.err()).isEqualTo(3);
      assertThat(pending.json().get("status").asText()).isEqualTo("pending");
      assertThat(pending.json().get("resume").asText()).contains("agent run --config");

      scep.approveAll();
      CliRun issued = device.run();
      assertThat(issued.exitCode()).as(issued.err()).isZero();
      assertThat(issued.json().get("status").asText()).isEqualTo("issued");
      assertThat(issued.json().get("firstEnrollment").asBoolean()).isTrue();
      assertThat(scep.issuedCertificates()).hasSize(1);
      assertThat(issued.json().get("serial").asText())
          .isEqualTo(scep.issuedCertificates().get(0).getSerialNumber().toString(16));

      CliRun upToDate = device.run();
      assertThat(upToDate.exitCode()).as(upToDate.err()).isZero();
      assertThat(upToDate.json().get("status").asText()).isEqualTo("up-to-date");
      assertThat(upToDate.json().get("serial").asText())
          .isEqualTo(issued.json().get("serial").asText());
    }
  }

  @Test
  void renewsThroughEstWithTheCurrentCredentialWhenDue() throws Exception {
    try (ScepServer scep = AgentFixture.scep(ca, false)) {
      AgentFixture device = AgentFixture.create(directory, scep, est, AgentFixture.alwaysDue());
      CliRun bootstrapped = device.run();
      assertThat(bootstrapped.exitCode()).as(bootstrapped.err()).isZero();
      int reenrolls = reenrolls();

      CliRun renewed = device.run();

      assertThat(renewed.exitCode()).as(renewed.err()).isZero();
      assertThat(renewed.json().get("firstEnrollment").asBoolean()).isFalse();
      assertThat(reenrolls()).isEqualTo(reenrolls + 1);
      try (var store = FileCredentialStore.open(device.store())) {
        var current = store.current().orElseThrow().certificate();
        assertThat(current.getSerialNumber().toString(16))
            .isEqualTo(renewed.json().get("serial").asText());
        assertThat(current.getSubjectX500Principal().getName()).isEqualTo("CN=agent-device");
        assertThat(store.previous()).isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "keys in a PKCS#11 token: {0}")
  @ValueSource(booleans = {false, true})
  void bootstrapsAndRenewsOverCmp(boolean keysInToken) throws Exception {
    String prefix = "agent-" + UUID.randomUUID();
    String tokenKeys = "";
    if (keysInToken) {
      Files.writeString(directory.resolve("pin"), SoftHsm.PIN + "\n");
      tokenKeys = String.join("\n",
          "store.keys = pkcs11:token=" + SoftHsm.token().tokenLabel().orElseThrow() + ";object="
              + prefix + "?module-path=" + SoftHsm.LIBRARY,
          "store.pin-file = pin");
    }
    try (CmpServer cmp = CmpServer.builder(ca).sharedSecret("factory", "s3cret".toCharArray())
        .start()) {
      Files.writeString(directory.resolve("root.pem"), PemEncoder.certificate(ca.root()));
      Path config = Files.writeString(directory.resolve("agent.properties"), String.join("\n",
          "store = identity",
          tokenKeys,
          "subject = CN=cmp-agent",
          "bootstrap = cmp",
          "bootstrap.url = " + cmp.uri(),
          "bootstrap.reference = factory",
          "bootstrap.secret = s3cret",
          "renewal = cmp",
          "renewal.url = " + cmp.uri(),
          "renewal.trust = root.pem",
          AgentFixture.alwaysDue(),
          ""));

      CliRun bootstrapped = CliRun.of("agent", "run", "--config", config.toString(), "--json");
      CliRun renewed = CliRun.of("agent", "run", "--config", config.toString(), "--json");

      assertThat(bootstrapped.exitCode()).as(bootstrapped.err()).isZero();
      assertThat(bootstrapped.json().get("firstEnrollment").asBoolean()).isTrue();
      assertThat(renewed.exitCode()).as(renewed.err()).isZero();
      assertThat(renewed.json().get("firstEnrollment").asBoolean()).isFalse();
      assertThat(cmp.operations()).containsExactly("ir:accepted", "certConf:accepted",
          "kur:accepted", "certConf:accepted");
      try (var store = keysInToken
          ? FileCredentialStore.openWithTokenKeys(directory.resolve("identity"),
              SoftHsm.token().open(), prefix)
          : FileCredentialStore.open(directory.resolve("identity"))) {
        var current = store.current().orElseThrow();
        assertThat(current.certificate().getSerialNumber().toString(16))
            .isEqualTo(renewed.json().get("serial").asText());
        assertThat(current.privateKey().getEncoded() == null).isEqualTo(keysInToken);
      }
    }
  }

  @Test
  void aFirmwareCoupledRunRenewsWhenTheNextChanceComesAfterTheRenewalTime() throws Exception {
    try (CmpServer cmp = CmpServer.builder(ca).sharedSecret("factory", "s3cret".toCharArray())
        .start()) {
      Files.writeString(directory.resolve("root.pem"), PemEncoder.certificate(ca.root()));
      Path config = Files.writeString(directory.resolve("agent.properties"), String.join("\n",
          "store = identity", "subject = CN=firmware-coupled",
          "bootstrap = cmp", "bootstrap.url = " + cmp.uri(),
          "bootstrap.reference = factory", "bootstrap.secret = s3cret",
          "renewal = cmp", "renewal.url = " + cmp.uri(), "renewal.trust = root.pem", ""));
      String file = config.toString();

      CliRun bootstrapped = CliRun.of("agent", "run", "--config", file, "--json");
      CliRun notDueBeforeNextUpdate = CliRun.of("agent", "run", "--config", file,
          "--next-chance", "86400", "--json");
      CliRun lastChance = CliRun.of("agent", "run", "--config", file,
          "--next-chance", String.valueOf(400L * 86400), "--json");
      CliRun negative = CliRun.of("agent", "run", "--config", file, "--next-chance", "-1");

      assertThat(bootstrapped.json().get("status").asText()).isEqualTo("issued");
      assertThat(notDueBeforeNextUpdate.json().get("status").asText()).isEqualTo("up-to-date");
      assertThat(lastChance.exitCode()).as(lastChance.err()).isZero();
      assertThat(lastChance.json().get("status").asText()).isEqualTo("issued");
      assertThat(lastChance.json().get("firstEnrollment").asBoolean()).isFalse();
      assertThat(negative.exitCode()).isEqualTo(2);
    }
  }

  @Test
  void anUnreachableCaIsATransportFailureWithItsKind() throws Exception {
    ScepServer scep = AgentFixture.scep(ca, false);
    scep.close();
    AgentFixture device = AgentFixture.create(directory, scep, est, "");
    CliRun run = device.run();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.json().get("status").asText()).isEqualTo("failed");
    assertThat(run.json().get("failure").asText()).isEqualTo("CONNECT");
  }

  @Test
  void aMisspeltSettingIsAnInputError() throws Exception {
    try (ScepServer scep = AgentFixture.scep(ca, false)) {
      AgentFixture device = AgentFixture.create(directory, scep, est, "renew-form = 0.5");
      CliRun run = device.run();
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.json().get("error").asText()).contains("unknown settings [renew-form]");
      assertThat(Files.exists(device.store())).isFalse();
    }
  }

  private static int reenrolls() {
    return (int) est.requests().stream()
        .filter(r -> r.operation().equals("simplereenroll") && r.status() == 200).count();
  }
}
