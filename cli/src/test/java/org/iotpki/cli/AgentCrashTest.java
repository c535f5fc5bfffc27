// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.lifecycle.FileCredentialStore;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.ScepServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotpki agent run} in a child JVM, killed with SIGKILL at many points of the credential
 * store's write/fsync/rename sequence (every executed line of the store and of its atomic file
 * writer is a candidate point), during a pending bootstrap, an approved bootstrap and a renewal.
 * After each kill a restarted agent must find a usable credential where there was one, complete
 * the enrollment, and never have enrolled twice while a pending transaction was in flight.
 *
 * <p>SIGKILL loses the process, not the page cache: this checks the ordering of the sequence,
 * not the fsyncs (which only a power cut would).
 */
class AgentCrashTest {
  private static final KillPoints KILL_POINTS = new KillPoints(List.of(
      FileCredentialStore.class.getName(), "org.iotpki.core.internal.AtomicFiles"));

  @TempDir Path root;
  static TestCa ca;
  static EstServer est;

  @BeforeAll
  static void start() {
    ca = TestCa.create().intermediate("CN=iotpki Crash Test CA");
    est = EstServer.builder(ca).start();
  }

  @AfterAll
  static void stop() {
    est.close();
  }

  @Test
  void killedWhileBootstrappingIntoPendingTheDeviceNeverEnrollsTwice() throws Exception {
    for (long killAt : killPoints(15, name -> {
      try (ScepServer scep = AgentFixture.scep(ca, true)) {
        return child(AgentFixture.create(root.resolve(name), scep, est, ""), Long.MAX_VALUE);
      }
    })) {
      try (ScepServer scep = AgentFixture.scep(ca, true)) {
        AgentFixture device = AgentFixture.create(root.resolve("pending-" + killAt), scep, est, "");
        child(device, killAt);

        scep.approveAll();
        CliRun recovered = device.run();

        assertThat(recovered.exitCode()).as("kill at %d: %s", killAt, recovered.out()).isZero();
        assertThat(scep.issuedCertificates()).as("kill at %d", killAt).hasSize(1);
        assertThat(current(device).orElseThrow().certificate())
            .isEqualTo(scep.issuedCertificates().get(0));
      }
    }
  }

  @Test
  void killedWhileInstallingAnApprovedBootstrapTheDeviceInstallsItOnce() throws Exception {
    for (long killAt : killPoints(15, name -> {
      try (ScepServer scep = AgentFixture.scep(ca, true)) {
        return child(approvedAfterPending(name, scep), Long.MAX_VALUE);
      }
    })) {
      try (ScepServer scep = AgentFixture.scep(ca, true)) {
        AgentFixture device = approvedAfterPending("approved-" + killAt, scep);
        child(device, killAt);

        CliRun recovered = device.run();

        assertThat(recovered.exitCode()).as("kill at %d: %s", killAt, recovered.out()).isZero();
        assertThat(scep.issuedCertificates()).as("kill at %d", killAt).hasSize(1);
        assertThat(current(device).orElseThrow().certificate())
            .isEqualTo(scep.issuedCertificates().get(0));
        assertOnlyTheCurrentCredentialIsLeft(device);
      }
    }
  }

  @Test
  void killedAnywhereInARenewalTheDeviceKeepsAUsableCredentialAndRenews() throws Exception {
    try (ScepServer scep = AgentFixture.scep(ca, false)) {
      for (long killAt : killPoints(25, name -> child(bootstrapped(name, scep), Long.MAX_VALUE))) {
        AgentFixture device = bootstrapped("renewal-" + killAt, scep);
        X509Certificate bootstrap = current(device).orElseThrow().certificate();
        child(device, killAt);

        // Whatever instant the kill hit, one complete credential is there: old or new.
        assertThat(current(device)).as("kill at %d", killAt).isPresent();

        CliRun recovered = device.run();

        assertThat(recovered.exitCode()).as("kill at %d: %s", killAt, recovered.out()).isZero();
        assertThat(recovered.json().get("status").asText()).isEqualTo("issued");
        assertThat(current(device).orElseThrow().certificate()).isNotEqualTo(bootstrap);
        assertOnlyTheCurrentCredentialIsLeft(device);
      }
    }
  }

  /** A fresh device, bootstrapped, whose credential is due for renewal at once. */
  private AgentFixture bootstrapped(String name, ScepServer scep) throws IOException {
    AgentFixture device =
        AgentFixture.create(root.resolve(name), scep, est, AgentFixture.alwaysDue());
    CliRun run = device.run();
    assertThat(run.exitCode()).as(run.out()).isZero();
    return device;
  }

  /** A fresh device whose first enrollment was left pending and has now been approved. */
  private AgentFixture approvedAfterPending(String name, ScepServer scep) throws IOException {
    AgentFixture device = AgentFixture.create(root.resolve(name), scep, est, "");
    CliRun run = device.run();
    assertThat(run.exitCode()).as(run.out()).isEqualTo(3);
    scep.approveAll();
    return device;
  }

  /** Runs the agent in a child JVM killed at watched line {@code killAt}; its line count. */
  private static long child(AgentFixture device, long killAt) throws Exception {
    KillPoints.Run run = KILL_POINTS.run(
        List.of("agent", "run", "--config", device.config().toString(), "--json"), killAt);
    if (killAt == Long.MAX_VALUE) {
      assertThat(run.output()).as("an uninterrupted run").doesNotContain("\"error\"");
    } else {
      assertThat(run.killed()).as("kill point %d reached: %s", killAt, run.output()).isTrue();
    }
    return run.lines();
  }

  @FunctionalInterface
  private interface DryRun {
    long linesOf(String name) throws Exception;
  }

  /** {@code count} kill points spread over the lines an uninterrupted run executes. */
  private static List<Long> killPoints(int count, DryRun dryRun) throws Exception {
    long lines = dryRun.linesOf("dry-run");
    assertThat(lines).as("store lines executed by an uninterrupted run").isGreaterThan(count);
    List<Long> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      points.add(1 + i * (lines - 1) / (count - 1));
    }
    return points;
  }

  private static Optional<Credential> current(AgentFixture device) throws IOException {
    try (FileCredentialStore store = FileCredentialStore.open(device.store())) {
      return store.current();
    }
  }

  private static void assertOnlyTheCurrentCredentialIsLeft(AgentFixture device)
      throws IOException {
    try (Stream<Path> files = Files.list(device.store())) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pem")
          || n.endsWith(".tmp"))).hasSize(1).allMatch(n -> n.startsWith("credential-"));
    }
  }
}
