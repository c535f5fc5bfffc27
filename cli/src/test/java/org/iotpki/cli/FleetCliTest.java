// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotpki fleet simulate|plan}. */
class FleetCliTest {
  @TempDir Path dir;

  private static final String[] BATCHED_FLEET = {
    "fleet", "simulate", "--devices", "6000", "--batches", "3", "--lifetime-days", "30", "--capacity", "10",
    "--profile", "always-on:2,daily:1:0.1"
  };

  private static String[] with(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void simulatePrintsEveryStrategyAndPlotsThem() throws Exception {
    Path svg = dir.resolve("load.svg");

    CliRun run = CliRun.of(with(BATCHED_FLEET, "--svg", svg.toString(), "--json"));

    assertThat(run.exitCode()).isZero();
    JsonNode json = run.json();
    assertThat(json.get("devices").asInt()).isEqualTo(6000);
    assertThat(json.get("provisioning").get("batches").asInt()).isEqualTo(3);
    assertThat(json.get("horizonDays").asInt()).isEqualTo(90);
    assertThat(json.get("profiles").get(1).get("attemptFailureProbability").asDouble()).isEqualTo(0.1);
    JsonNode strategies = json.get("strategies");
    assertThat(strategies).extracting(s -> s.get("strategy").asText()).containsExactly("naive", "jittered", "batched");
    assertThat(strategies.get(0).get("peakRequestsPerSecond").asLong())
        .isGreaterThan(10 * strategies.get(1).get("peakRequestsPerSecond").asLong());
    assertThat(strategies.get(2).get("refusedRequests").asLong()).isZero();
    assertThat(strategies.get(2).get("wallSeconds").isNumber()).isTrue();
    String plot = Files.readString(svg, StandardCharsets.UTF_8);
    assertThat(plot).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
    assertThat(plot.split("<polyline", -1)).hasSize(4);
    assertThat(plot).contains("naive: peak", "jittered: peak", "batched: peak", "CA capacity (10 req/s)", "requests per hour");
  }

  @Test
  void simulatePrintsATableForPeople() {
    CliRun run = CliRun.of(with(BATCHED_FLEET, "--strategy", "jittered"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("6,000 devices (3 production batches over 30 days)", "always-on 67%",
        "daily 33% (10% of attempts lost)", "peak req/s", "expired devices", "busiest 1-second bucket");
    assertThat(run.out().lines().filter(line -> line.startsWith("jittered"))).hasSize(1);
    assertThat(run.out()).doesNotContain("naive");
  }

  @Test
  void unusableOptionsAreUsageErrors() throws Exception {
    CliRun unknownProfile = CliRun.of("fleet", "simulate", "--devices", "10", "--profile", "hourly", "--json");
    CliRun noDevices = CliRun.of("fleet", "simulate", "--devices", "0", "--json");
    CliRun shortHorizon = CliRun.of("fleet", "simulate", "--devices", "10", "--horizon-days", "100", "--json");
    Path existing = Files.writeString(dir.resolve("taken.svg"), "mine");
    CliRun overwrite = CliRun.of("fleet", "simulate", "--devices", "10", "--lifetime-days", "5", "--svg",
        existing.toString(), "--json");

    assertThat(unknownProfile.exitCode()).isEqualTo(2);
    assertThat(unknownProfile.json().get("error").asText()).contains("unknown profile 'hourly'");
    assertThat(noDevices.exitCode()).isEqualTo(2);
    assertThat(noDevices.json().get("error").asText()).contains("devices must be between 1");
    assertThat(shortHorizon.json().get("error").asText()).contains("longer than the provisioning window");
    assertThat(overwrite.exitCode()).isEqualTo(2);
    assertThat(overwrite.json().get("error").asText()).contains("refusing to overwrite");
    assertThat(Files.readString(existing)).isEqualTo("mine");
    assertThat(CliRun.of("fleet").exitCode()).isEqualTo(2);
  }

  @Test
  void planWritesAWindowPerDevice() throws Exception {
    Path in = dir.resolve("devices.csv");
    Files.write(in, List.of(
        FleetPlanCommand.INPUT_HEADER,
        "sn-1,2026-01-01T00:00:00Z,2027-01-01T00:00:00Z,always-on",
        "sn-2,2026-01-01T00:00:00Z,2027-01-01T00:00:00Z,daily",
        "sn-3,2026-02-01T00:00:00Z,2027-02-01T00:00:00Z,WEEKLY"), StandardCharsets.UTF_8);
    Path out = dir.resolve("windows.csv");

    CliRun run = CliRun.of("fleet", "plan", "--in", in.toString(), "--out", out.toString(), "--capacity", "5", "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.json().get("devices").asInt()).isEqualTo(3);
    assertThat(run.json().get("withinTarget").asInt()).isEqualTo(3);
    assertThat(run.json().get("overTarget").asInt()).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo(FleetPlanCommand.OUTPUT_HEADER);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).startsWith("sn-2,2026-").endsWith(",WITHIN_TARGET");
    String[] weekly = lines.get(3).split(",");
    assertThat(java.time.Duration.between(java.time.Instant.parse(weekly[1]), java.time.Instant.parse(weekly[2])))
        .isEqualTo(java.time.Duration.ofDays(7));
  }

  @Test
  void planNamesTheBadLine() throws Exception {
    Path in = dir.resolve("devices.csv");
    Files.write(in, List.of(FleetPlanCommand.INPUT_HEADER, "sn-1,2026-01-01T00:00:00Z,2027-01-01T00:00:00Z,daily",
        "sn-2,yesterday,2027-01-01T00:00:00Z,daily"), StandardCharsets.UTF_8);

    CliRun run = CliRun.of("fleet", "plan", "--in", in.toString(), "--out", dir.resolve("w.csv").toString(),
        "--capacity", "5", "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.json().get("error").asText()).startsWith("line 3:");
    assertThat(dir.resolve("w.csv")).doesNotExist();
  }
}
