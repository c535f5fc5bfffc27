// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iotpki.core.fleet.DeviceCertificate;
import org.iotpki.core.fleet.FleetPlanner;
import org.iotpki.core.fleet.LifetimeWindow;
import org.iotpki.core.fleet.PlannedWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki fleet plan --in FILE --out FILE --capacity R [--utilization U] [--window FROM,TO]}. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Plan renewal windows that keep the CA's planned load under a target.",
      "The input CSV has the header",
      "  " + FleetPlanCommand.INPUT_HEADER,
      "(ISO-8601 instants; profile always-on, daily or weekly), the output CSV",
      "  " + FleetPlanCommand.OUTPUT_HEADER,
      "(fit: WITHIN_TARGET, OVER_TARGET or NOT_PLANNED). Always-on devices renew",
      "at window_start, waking devices at their one wake in the window.",
      "Exit 0, 1 if a renewal is over the target, 2 input error."
    })
final class FleetPlanCommand extends IotpkiCommand {
  static final String INPUT_HEADER = "device_id,not_before,not_after,profile";
  static final String OUTPUT_HEADER = "device_id,window_start,window_end,fit";

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The devices, CSV.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the windows, CSV (never overwritten).")
  Path outFile;

  @Option(names = "--capacity", required = true, paramLabel = "R", converter = NumberConverter.class,
      description = "Requests per second the CA serves.")
  Long capacity;

  @Option(names = "--utilization", paramLabel = "U", defaultValue = "0.5",
      description = "Share of the capacity to plan at most (default: ${DEFAULT-VALUE}).")
  double utilization;

  @Option(names = "--window", paramLabel = "FROM,TO", split = ",", defaultValue = "0.5,0.8",
      description = "Where in each lifetime to renew, as fractions (default: ${DEFAULT-VALUE}).")
  List<Double> window;

  @Option(names = "--seed", paramLabel = "S", converter = NumberConverter.class, defaultValue = "1",
      description = "Seed of the choices between equally loaded slots (default: ${DEFAULT-VALUE}).")
  Long seed;

  @Override
  int execute() throws IOException {
    List<DeviceCertificate> devices;
    List<PlannedWindow> windows;
    FleetPlanner planner;
    try {
      devices = read(Files.readAllLines(in, StandardCharsets.UTF_8));
      if (window.size() != 2) {
        throw new IllegalArgumentException("--window takes two fractions, FROM,TO: " + window);
      }
      planner = FleetPlanner.builder()
          .caCapacity(capacity)
          .targetUtilization(utilization)
          .window(new LifetimeWindow(window.get(0), window.get(1)))
          // Every allowed window ends before the last notAfter; the horizon covers them all.
          .horizon(
              devices.stream().map(DeviceCertificate::notBefore).min(Instant::compareTo).orElseThrow(),
              devices.stream().map(DeviceCertificate::notAfter).max(Instant::compareTo).orElseThrow()
                  .plus(Duration.ofHours(1)))
          .seed(seed)
          .build();
      windows = planner.planAll(devices);
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    StringBuilder csv = new StringBuilder(OUTPUT_HEADER).append('\n');
    Map<PlannedWindow.Fit, Integer> fits = new EnumMap<>(PlannedWindow.Fit.class);
    for (PlannedWindow renewal : windows) {
      csv.append(renewal.deviceId()).append(',').append(renewal.start()).append(',').append(renewal.end())
          .append(',').append(renewal.fit()).append('\n');
      fits.merge(renewal.fit(), 1, Integer::sum);
    }
    Files.writeString(outFile, csv, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("devices", devices.size());
    fields.put("withinTarget", fits.getOrDefault(PlannedWindow.Fit.WITHIN_TARGET, 0));
    fields.put("overTarget", fits.getOrDefault(PlannedWindow.Fit.OVER_TARGET, 0));
    fields.put("notPlanned", fits.getOrDefault(PlannedWindow.Fit.NOT_PLANNED, 0));
    fields.put("busiestSlotRequestsPerSecond", planner.busiestSlotRequestsPerSecond());
    fields.put("out", outFile.toString());
    output.result(out(), fields, String.format(Locale.ROOT,
        "Planned %,d devices: %,d within the target, %,d over it, %,d not planned; busiest hour %.3f req/s. Wrote %s%n",
        devices.size(), fits.getOrDefault(PlannedWindow.Fit.WITHIN_TARGET, 0),
        fits.getOrDefault(PlannedWindow.Fit.OVER_TARGET, 0), fits.getOrDefault(PlannedWindow.Fit.NOT_PLANNED, 0),
        planner.busiestSlotRequestsPerSecond(), outFile));
    return fits.containsKey(PlannedWindow.Fit.OVER_TARGET) ? ExitCode.INVALID : ExitCode.OK;
  }

  /** The devices of the CSV lines; {@link IllegalArgumentException} naming the line of a bad one. */
  private static List<DeviceCertificate> read(List<String> lines) {
    if (lines.isEmpty() || !lines.get(0).strip().equals(INPUT_HEADER)) {
      throw new IllegalArgumentException("the first line must be the header " + INPUT_HEADER);
    }
    List<DeviceCertificate> devices = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      try {
        if (fields.length != 4) {
          throw new IllegalArgumentException("expected 4 fields, found " + fields.length);
        }
        devices.add(new DeviceCertificate(fields[0].strip(), Instant.parse(fields[1].strip()),
            Instant.parse(fields[2].strip()), ProfileShare.named(fields[3].strip())));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (devices.isEmpty()) {
      throw new IllegalArgumentException("no devices in the input");
    }
    return devices;
  }
}
