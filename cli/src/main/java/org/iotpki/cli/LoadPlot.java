// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iotpki.core.fleet.FleetReport;
import org.iotpki.core.fleet.FleetSpec;

/**
 * A self-contained SVG line plot of the requests per hour at the CA, one polyline per strategy, on
 * a log scale (a naive stampede and a planned trickle differ by five orders of magnitude), with
 * the CA's capacity as a dashed line. Each pixel column shows the busiest hour it covers, so that
 * peaks survive the downsampling of 26,280 hours to 840 pixels.
 */
final class LoadPlot {
  private static final int WIDTH = 960;
  private static final int HEIGHT = 560;
  private static final int LEFT = 90;
  private static final int RIGHT = WIDTH - 30;
  private static final int TOP = 100;
  private static final int BOTTOM = HEIGHT - 70;
  private static final Map<String, String> COLOURS =
      Map.of("naive", "#d62728", "jittered", "#1f77b4", "batched", "#2ca02c");
  private static final int[] DAY_STEPS = {1, 7, 30, 90, 180, 365, 730, 1825, 3650};

  private LoadPlot() {}

  static String svg(FleetSpec spec, List<FleetReport> reports) {
    int hours = reports.get(0).requestsPerHour().size();
    long capacityPerHour = spec.caCapacity() * 3600L;
    long highest = capacityPerHour;
    for (FleetReport report : reports) {
      for (long value : report.requestsPerHour()) {
        highest = Math.max(highest, value);
      }
    }
    int decades = Math.max(1, (int) Math.ceil(Math.log10(highest)));

    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">Certificate renewal requests per hour at the CA</text>%n"
            + "<text x=\"%d\" y=\"44\">%,d devices, %d-day certificates, %,d days simulated, CA capacity %d req/s</text>%n",
        LEFT, LEFT, spec.devices(), spec.certificateLifetime().toDays(), spec.horizon().toDays(), spec.caCapacity()));
    yAxis(svg, decades);
    xAxis(svg, hours);
    double capacityY = y(capacityPerHour, decades);
    svg.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#555\" stroke-dasharray=\"6 4\"/>%n"
            + "<text x=\"%d\" y=\"%.1f\" fill=\"#555\">CA capacity (%d req/s)</text>%n",
        LEFT, capacityY, RIGHT, capacityY, LEFT + 6, capacityY - 5, spec.caCapacity()));
    for (FleetReport report : reports) {
      polyline(svg, report.requestsPerHour(), decades, colour(report));
    }
    legend(svg, reports);
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void yAxis(StringBuilder svg, int decades) {
    svg.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT, BOTTOM));
    for (int decade = 0; decade <= decades; decade++) {
      double y = BOTTOM - (double) decade / decades * (BOTTOM - TOP);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n"
              + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
          LEFT, y, RIGHT, y, LEFT - 6, y + 4, power(decade)));
    }
    svg.append(String.format(Locale.ROOT,
        "<text transform=\"translate(20 %d) rotate(-90)\" text-anchor=\"middle\">"
            + "requests per hour (log scale; 0 drawn as 1)</text>%n", (TOP + BOTTOM) / 2));
  }

  private static void xAxis(StringBuilder svg, int hours) {
    svg.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, BOTTOM, RIGHT, BOTTOM));
    int days = Math.max(1, hours / 24);
    int step = DAY_STEPS[DAY_STEPS.length - 1];
    for (int candidate : DAY_STEPS) {
      if (days / candidate <= 12) {
        step = candidate;
        break;
      }
    }
    for (int day = 0; day * 24 <= hours; day += step) {
      double x = x(day * 24.0, hours);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n"
              + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
          x, BOTTOM, x, BOTTOM + 5, x, BOTTOM + 20, day));
    }
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">days since provisioning started "
            + "(each point: the busiest hour it covers)</text>%n", (LEFT + RIGHT) / 2, BOTTOM + 45));
  }

  /** One point per pixel column: the busiest hour among those the column covers. */
  private static void polyline(StringBuilder svg, List<Long> perHour, int decades, String colour) {
    int hours = perHour.size();
    int columns = Math.min(hours, RIGHT - LEFT);
    svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.3\" points=\"");
    for (int column = 0; column < columns; column++) {
      int first = (int) ((long) column * hours / columns);
      int last = (int) ((long) (column + 1) * hours / columns);
      long busiest = 0;
      for (int hour = first; hour < last; hour++) {
        busiest = Math.max(busiest, perHour.get(hour));
      }
      svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(first, hours), y(busiest, decades)));
    }
    svg.setLength(svg.length() - 1);
    svg.append("\"/>\n");
  }

  /** A boxed legend at the top right, above the plot. */
  private static void legend(StringBuilder svg, List<FleetReport> reports) {
    int x = RIGHT - 330;
    int y = 10;
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"330\" height=\"%d\" fill=\"white\" stroke=\"#999\"/>%n",
        x, y, 18 * reports.size() + 10));
    for (FleetReport report : reports) {
      y += 18;
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n"
              + "<text x=\"%d\" y=\"%d\">%s: peak %,d req/s, %,d expired</text>%n",
          x + 8, y - 4, x + 28, y - 4, colour(report), x + 34, y, report.strategy().name(),
          report.peakRequestsPerSecond(), report.expiredDevices()));
    }
  }

  private static String colour(FleetReport report) {
    return COLOURS.getOrDefault(report.strategy().name(), "black");
  }

  private static double x(double hour, int hours) {
    return LEFT + hour / hours * (RIGHT - LEFT);
  }

  private static double y(long value, int decades) {
    return BOTTOM - Math.log10(Math.max(1, value)) / decades * (BOTTOM - TOP);
  }

  private static String power(int decade) {
    return String.format(Locale.ROOT, "%,d", (long) Math.pow(10, decade));
  }
}
