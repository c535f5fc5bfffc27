// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iotpki.core.fleet.FleetReport;
import org.iotpki.core.fleet.FleetSimulation;
import org.iotpki.core.fleet.FleetSpec;
import org.iotpki.core.fleet.Provisioning;
import org.iotpki.core.fleet.RenewalStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki fleet simulate --devices N [--profile P,...] [--strategy S] [--svg FILE] ...}. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a fleet's certificate renewals: naive, jittered, batched.",
      "Reports per strategy the peak requests per second at the CA (busiest",
      "1-second bucket, served or refused), all requests, refusals, attempts lost",
      "on the link, and devices whose certificate expired before they renewed.",
      "Deterministic for a seed. Exit 0, or 2 for unusable options."
    })
final class FleetSimulateCommand extends IotpkiCommand {
  enum Strategy { naive, jittered, batched, all }

  @Option(names = "--devices", required = true, paramLabel = "N", converter = NumberConverter.class,
      description = "How many devices (up to 16,777,216).")
  Long devices;

  @Option(names = "--profile", paramLabel = "NAME[:WEIGHT[:LOSS]]", split = ",", converter = ProfileShare.Converter.class,
      defaultValue = "always-on",
      description = "Connectivity profiles: always-on, daily or weekly, with a relative weight (default 1) and the "
          + "probability that the link loses an attempt (default 0), e.g. always-on:50,daily:40,weekly:10:0.1.")
  List<ProfileShare> profiles;

  @Option(names = "--lifetime-days", paramLabel = "D", converter = NumberConverter.class, defaultValue = "365",
      description = "Certificate lifetime in days (default: ${DEFAULT-VALUE}).")
  Long lifetimeDays;

  @Option(names = "--capacity", paramLabel = "R", converter = NumberConverter.class, defaultValue = "50",
      description = "Requests per second the CA serves; it refuses the rest of each second with Retry-After (default: ${DEFAULT-VALUE}).")
  Long capacity;

  @Option(names = "--strategy", paramLabel = "S", defaultValue = "all",
      description = "naive, jittered, batched or all (default: ${DEFAULT-VALUE}).")
  Strategy strategy;

  @Option(names = "--batches", paramLabel = "N", converter = NumberConverter.class,
      description = "Devices made in N production batches, each with the same notBefore (default: one by one, uniformly).")
  Long batches;

  @Option(names = "--provisioning-days", paramLabel = "D", converter = NumberConverter.class,
      description = "Days over which the devices are provisioned (default: one lifetime).")
  Long provisioningDays;

  @Option(names = "--horizon-days", paramLabel = "D", converter = NumberConverter.class,
      description = "Days to simulate (default: three lifetimes).")
  Long horizonDays;

  @Option(names = "--seed", paramLabel = "S", converter = NumberConverter.class, defaultValue = "1",
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  Long seed;

  @Option(names = "--svg", paramLabel = "FILE", description = "Also plot requests per hour per strategy as SVG (never overwritten).")
  Path svg;

  @Override
  int execute() throws IOException {
    FleetSpec spec;
    try {
      spec = spec();
    } catch (IllegalArgumentException | ArithmeticException e) {
      return error(e.getMessage());
    }
    FleetSimulation simulation = FleetSimulation.of(spec);
    List<FleetReport> reports = new ArrayList<>();
    List<Duration> wallTimes = new ArrayList<>();
    for (RenewalStrategy candidate : strategies()) {
      long started = System.nanoTime();
      reports.add(simulation.run(candidate));
      wallTimes.add(Duration.ofNanos(System.nanoTime() - started));
    }
    if (svg != null) {
      Files.writeString(svg, LoadPlot.svg(spec, reports), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
    output.result(out(), json(spec, reports, wallTimes), text(spec, reports, wallTimes));
    return ExitCode.OK;
  }

  private FleetSpec spec() {
    Duration lifetime = Duration.ofDays(lifetimeDays);
    Duration window = provisioningDays != null ? Duration.ofDays(provisioningDays) : lifetime;
    FleetSpec.Builder builder = FleetSpec.builder()
        .devices(Math.toIntExact(devices))
        .provisioning(batches != null
            ? Provisioning.batches(window, Math.toIntExact(batches))
            : Provisioning.uniform(window))
        .certificateLifetime(lifetime)
        .caCapacity(Math.toIntExact(capacity))
        .seed(seed);
    if (horizonDays != null) {
      builder.horizon(Duration.ofDays(horizonDays));
    }
    for (ProfileShare share : profiles) {
      builder.profile(share.profile(), share.weight());
    }
    return builder.build();
  }

  private List<RenewalStrategy> strategies() {
    switch (strategy) {
      case naive:
        return List.of(RenewalStrategy.naive());
      case jittered:
        return List.of(RenewalStrategy.jittered());
      case batched:
        return List.of(RenewalStrategy.batched());
      default:
        return List.of(RenewalStrategy.naive(), RenewalStrategy.jittered(), RenewalStrategy.batched());
    }
  }

  private Map<String, Object> json(FleetSpec spec, List<FleetReport> reports, List<Duration> wallTimes) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("devices", spec.devices());
    Map<String, Object> provisioning = new LinkedHashMap<>();
    provisioning.put("pattern", spec.provisioning() instanceof Provisioning.Batches ? "batches" : "uniform");
    provisioning.put("days", spec.provisioning().window().toDays());
    if (spec.provisioning() instanceof Provisioning.Batches batched) {
      provisioning.put("batches", batched.batches());
    }
    fields.put("provisioning", provisioning);
    fields.put("lifetimeDays", spec.certificateLifetime().toDays());
    fields.put("horizonDays", spec.horizon().toDays());
    fields.put("capacity", spec.caCapacity());
    List<Object> profileList = new ArrayList<>();
    spec.profiles().forEach((profile, share) -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", profile.name());
      item.put("share", share);
      item.put("attemptFailureProbability", profile.attemptFailureProbability());
      profileList.add(item);
    });
    fields.put("profiles", profileList);
    List<Object> strategyList = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      FleetReport report = reports.get(i);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("strategy", report.strategy().name());
      item.put("peakRequestsPerSecond", report.peakRequestsPerSecond());
      item.put("peakAtHours", report.peakAt().toHours());
      item.put("requests", report.requests());
      item.put("refusedRequests", report.refusedRequests());
      item.put("lostAttempts", report.lostAttempts());
      item.put("renewals", report.renewals());
      item.put("expiredDevices", report.expiredDevices());
      item.put("expiredDeviceHours", Math.round(report.expiredDeviceHours()));
      item.put("wallSeconds", wallTimes.get(i).toMillis() / 1000.0);
      strategyList.add(item);
    }
    fields.put("strategies", strategyList);
    fields.put("svg", svg == null ? null : svg.toString());
    return fields;
  }

  private String text(FleetSpec spec, List<FleetReport> reports, List<Duration> wallTimes) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%,d devices (%s), %d-day certificates, %d days simulated, CA %d req/s%n",
        spec.devices(), describe(spec.provisioning()), spec.certificateLifetime().toDays(), spec.horizon().toDays(),
        spec.caCapacity()));
    List<String> mix = new ArrayList<>();
    spec.profiles().forEach((profile, share) -> mix.add(String.format(Locale.ROOT, "%s %.0f%%%s", profile.name(),
        share * 100, profile.attemptFailureProbability() > 0
            ? String.format(Locale.ROOT, " (%.0f%% of attempts lost)", profile.attemptFailureProbability() * 100)
            : "")));
    text.append("Profiles: ").append(String.join(", ", mix)).append("\n\n");
    String row = "%-9s %12s %15s %15s %13s %15s %20s %9s%n";
    text.append(String.format(Locale.ROOT, row, "strategy", "peak req/s", "requests", "refused", "lost attempts",
        "expired devices", "expired device-hours", "wall time"));
    for (int i = 0; i < reports.size(); i++) {
      FleetReport report = reports.get(i);
      text.append(String.format(Locale.ROOT, row, report.strategy().name(), count(report.peakRequestsPerSecond()),
          count(report.requests()), count(report.refusedRequests()), count(report.lostAttempts()),
          count(report.expiredDevices()), count(Math.round(report.expiredDeviceHours())),
          String.format(Locale.ROOT, "%.1f s", wallTimes.get(i).toMillis() / 1000.0)));
    }
    text.append("\npeak req/s: requests reaching the CA, served or refused, in the busiest 1-second bucket.\n");
    if (svg != null) {
      text.append("Plot: ").append(svg).append('\n');
    }
    return text.toString();
  }

  private static String describe(Provisioning provisioning) {
    long days = provisioning.window().toDays();
    return provisioning instanceof Provisioning.Batches batched
        ? String.format(Locale.ROOT, "%d production batches over %d days", batched.batches(), days)
        : String.format(Locale.ROOT, "provisioned uniformly over %s", days > 0 ? days + " days" : provisioning.window());
  }

  private static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
