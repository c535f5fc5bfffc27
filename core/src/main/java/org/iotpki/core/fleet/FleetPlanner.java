// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.iotpki.core.internal.Durations;

/**
 * The fleet renewal planner: gives each certificate a renewal window inside its allowed span of
 * the lifetime so that the load planned on the CA stays under a target fraction of its capacity.
 *
 * <p>The plan is a ledger of planned requests per slot (default one hour) over a horizon. An
 * always-on device is booked into one slot and given its own second in it, round robin, so that
 * no second gets more than {@code ceil(capacity * targetUtilization)} always-on requests. A waking
 * device asks at a moment the CA cannot choose, its wake; it gets a window one wake interval long,
 * which holds exactly one of its wakes, and is booked as an equal fraction of a request in each
 * slot of that window (its expected load). Each booking takes the least loaded of four random
 * candidates (the "power of d choices", which keeps the plan flat at almost no cost) and, if all
 * four are full, the first slot with room; only if the whole allowed span is full is it booked
 * above the target, as {@link PlannedWindow.Fit#OVER_TARGET}.
 *
 * <pre>{@code
 * FleetPlanner planner = FleetPlanner.builder()
 *     .caCapacity(50)                                       // requests per second
 *     .horizon(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2029-01-01T00:00:00Z"))
 *     .build();                                             // 50% of capacity, 50%-80% of the lifetime
 * List<PlannedWindow> windows = planner.planAll(devices);
 * PlannedWindow next = planner.plan(renewedDevice);          // when the CA issues a certificate
 * }</pre>
 *
 * <p>Bookings are kept: plan each certificate once, when it is issued. Not thread-safe. The ledger
 * takes 12 bytes per slot (a 3-year horizon in 1-hour slots: 26,280 slots).
 */
public final class FleetPlanner {
  /** How many random slots a booking compares: 4 choices keep the busiest slot near the mean. */
  private static final int CANDIDATES = 4;
  /** The most slots of a ledger (about 200 MB). */
  private static final long MAX_SLOTS = 1 << 24;

  private final long from;
  private final int slotSeconds;
  private final double slotCapacity;
  private final LifetimeWindow window;
  private final double[] load;
  private final int[] alwaysOn;
  private final SplittableRandom random;
  private PlannedWindow.Fit lastFit;

  private FleetPlanner(Builder builder) {
    this.from = builder.from.getEpochSecond();
    this.slotSeconds = (int) builder.slot.getSeconds();
    this.slotCapacity = builder.caCapacity * builder.targetUtilization * slotSeconds;
    this.window = builder.window;
    int slots = (int) ((builder.until.getEpochSecond() - from) / slotSeconds);
    this.load = new double[slots];
    this.alwaysOn = new int[slots];
    this.random = new SplittableRandom(builder.seed);
  }

  /** A builder; the CA capacity and the horizon are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Books a renewal for {@code device}'s certificate and returns its window. */
  public PlannedWindow plan(DeviceCertificate device) {
    long notBefore = device.notBefore().getEpochSecond();
    long notAfter = device.notAfter().getEpochSecond();
    long wake = device.profile().wakeInterval().getSeconds();
    long start = book(notBefore, notAfter, wake);
    long end;
    if (lastFit == PlannedWindow.Fit.NOT_PLANNED) {
      end = Math.max(window.endSecond(notBefore, notAfter), start + 1);
    } else if (wake > 0) {
      end = start + wake;
    } else {
      end = from + (Math.floorDiv(start - from, slotSeconds) + 1) * slotSeconds; // the end of its slot
    }
    return new PlannedWindow(device.deviceId(), Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), lastFit);
  }

  /**
   * Books renewals for all {@code devices}, in the order their certificates were issued (as a CA
   * planning at issuance would), and returns their windows in the order given.
   */
  public List<PlannedWindow> planAll(List<DeviceCertificate> devices) {
    Integer[] byIssue = new Integer[devices.size()];
    Arrays.setAll(byIssue, i -> i);
    Arrays.sort(byIssue, Comparator.comparing(i -> devices.get(i).notBefore()));
    PlannedWindow[] windows = new PlannedWindow[devices.size()];
    for (int i : byIssue) {
      windows[i] = plan(devices.get(i));
    }
    return List.of(windows);
  }

  /** The planned requests per second of the busiest slot, averaged over the slot. */
  public double busiestSlotRequestsPerSecond() {
    return Arrays.stream(load).max().orElse(0) / slotSeconds;
  }

  /**
   * Books a renewal of the certificate valid from {@code notBefore} to {@code notAfter} (epoch
   * seconds) of a device that wakes every {@code wakeInterval} seconds (0: always on); returns the
   * window's start and leaves its fit in {@code lastFit}. The simulation's allocation-free path.
   */
  long book(long notBefore, long notAfter, long wakeInterval) {
    long allowedStart = window.startSecond(notBefore, notAfter);
    long allowedEnd = window.endSecond(notBefore, notAfter);
    // The slots wholly inside the allowed span, from the horizon's start on: the past is gone, but
    // a span cut off at the horizon's end would crowd its renewals into what is left of it.
    long first = Math.max(0, Math.floorDiv(allowedStart - from + slotSeconds - 1, slotSeconds));
    long last = Math.floorDiv(allowedEnd - from, slotSeconds) - 1;
    int span = wakeInterval == 0 ? 1 : (int) Math.min(load.length, (wakeInterval + slotSeconds - 1) / slotSeconds);
    // A wake interval longer than the allowed span still needs one whole interval: it runs past the end.
    long lastStart = Math.max(first, last - span + 1);
    if (last < first || last >= load.length || lastStart + span > load.length) {
      lastFit = PlannedWindow.Fit.NOT_PLANNED;
      return allowedStart;
    }
    double share = 1.0 / span;
    int slot = leastLoaded((int) first, (int) lastStart, span, share);
    lastFit = peak(slot, span) + share <= slotCapacity
        ? PlannedWindow.Fit.WITHIN_TARGET
        : PlannedWindow.Fit.OVER_TARGET;
    for (int s = slot; s < slot + span; s++) {
      load[s] += share;
    }
    long slotStart = from + (long) slot * slotSeconds;
    return wakeInterval == 0 ? slotStart + alwaysOn[slot]++ % slotSeconds : slotStart;
  }

  /**
   * The start of the window of {@code span} slots, starting in [first, lastStart], to book: the
   * least loaded of a few random ones if it has room for {@code share}, else the first with room
   * from a random point on, else the least loaded of all.
   */
  private int leastLoaded(int first, int lastStart, int span, double share) {
    int starts = lastStart - first + 1;
    int best = first;
    double bestPeak = Double.MAX_VALUE;
    for (int c = 0; c < CANDIDATES; c++) {
      int candidate = first + random.nextInt(starts);
      double candidatePeak = peak(candidate, span);
      if (candidatePeak < bestPeak) {
        best = candidate;
        bestPeak = candidatePeak;
      }
    }
    if (bestPeak + share <= slotCapacity) {
      return best;
    }
    int offset = random.nextInt(starts);
    for (int i = 0; i < starts; i++) {
      int candidate = first + (offset + i) % starts;
      double candidatePeak = peak(candidate, span);
      if (candidatePeak + share <= slotCapacity) {
        return candidate;
      }
      if (candidatePeak < bestPeak) {
        best = candidate;
        bestPeak = candidatePeak;
      }
    }
    return best;
  }

  private double peak(int start, int span) {
    double peak = load[start];
    for (int s = start + 1; s < start + span; s++) {
      peak = Math.max(peak, load[s]);
    }
    return peak;
  }

  /** Configures a {@link FleetPlanner}. */
  public static final class Builder {
    private double caCapacity;
    private double targetUtilization = 0.5;
    private LifetimeWindow window = new LifetimeWindow(0.5, 0.8);
    private Instant from;
    private Instant until;
    private Duration slot = Duration.ofHours(1);
    private long seed;

    private Builder() {}

    /** The requests per second the CA serves. */
    public Builder caCapacity(double requestsPerSecond) {
      if (!(requestsPerSecond > 0 && Double.isFinite(requestsPerSecond))) {
        throw new IllegalArgumentException("CA capacity must be positive: " + requestsPerSecond);
      }
      this.caCapacity = requestsPerSecond;
      return this;
    }

    /** The fraction of the capacity to plan at most, in (0, 1] (default 0.5: room for retries and other work). */
    public Builder targetUtilization(double fraction) {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("target utilization must be in (0, 1]: " + fraction);
      }
      this.targetUtilization = fraction;
      return this;
    }

    /** Where in each lifetime renewals may be planned (default 50% to 80%); start before end. */
    public Builder window(LifetimeWindow window) {
      Objects.requireNonNull(window, "window");
      if (window.end() <= window.start()) {
        throw new IllegalArgumentException("a planning window needs room: " + window);
      }
      this.window = window;
      return this;
    }

    /**
     * The period the plan covers. A renewal is planned from {@code from} on (not in the past) and
     * only if its whole allowed window ends by {@code until}; others are {@link
     * PlannedWindow.Fit#NOT_PLANNED}. The latest notAfter planned for is a safe {@code until}.
     */
    public Builder horizon(Instant from, Instant until) {
      this.from = Objects.requireNonNull(from, "from");
      this.until = Objects.requireNonNull(until, "until");
      return this;
    }

    /** The ledger's slot, whole seconds from a second to a day (default one hour). */
    public Builder slot(Duration slot) {
      Durations.positiveSeconds(slot, "slot");
      if (slot.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("slot must be at most a day: " + slot);
      }
      this.slot = slot;
      return this;
    }

    /** The seed of the random choices between equally good slots (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The planner.
     *
     * @throws IllegalArgumentException naming the missing or unusable field
     */
    public FleetPlanner build() {
      if (caCapacity == 0) {
        throw new IllegalArgumentException("CA capacity is required");
      }
      if (from == null) {
        throw new IllegalArgumentException("horizon is required");
      }
      if (!until.isAfter(from)) {
        throw new IllegalArgumentException("horizon ends " + until + ", not after its start " + from);
      }
      long slots = (until.getEpochSecond() - from.getEpochSecond()) / slot.getSeconds();
      if (slots < 1 || slots > MAX_SLOTS) {
        throw new IllegalArgumentException(
            "horizon must hold 1 to " + MAX_SLOTS + " slots of " + slot + ": " + slots);
      }
      return new FleetPlanner(this);
    }
  }
}
