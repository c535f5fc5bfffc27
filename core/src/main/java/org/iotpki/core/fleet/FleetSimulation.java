// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.util.Objects;

/**
 * Simulates the certificate renewals of a fleet, second by second, to see what a {@link
 * RenewalStrategy} does to the CA (peak requests per second, refusals) and to the devices
 * (expiries), before a million devices find out.
 *
 * <p>Event-driven and allocation-free per event: devices are rows of primitive arrays, future
 * events are {@code long}s in a heap, and devices that a naive strategy keeps in lockstep move as
 * one herd. A million devices over three lifetimes take seconds. Deterministic: the same spec
 * (seed included) and strategy give the same report.
 *
 * <pre>{@code
 * FleetSimulation simulation = FleetSimulation.of(spec);       // draws the fleet once
 * FleetReport naive = simulation.run(RenewalStrategy.naive());
 * FleetReport batched = simulation.run(RenewalStrategy.batched());
 * }</pre>
 *
 * <p>The model: a device asks when its strategy says, at its next wake if it is a waking device,
 * one attempt per wake. The link loses an attempt with the profile's probability; otherwise the
 * request reaches the CA, which serves the first {@link FleetSpec#caCapacity()} requests of each
 * second and refuses the rest with {@link FleetSpec#caRetryAfter()}. A served request renews the
 * certificate at once, for another full lifetime. Within a second, devices are served in the
 * order of their index.
 */
public final class FleetSimulation {
  private final FleetSpec spec;
  private final Fleet fleet;

  private FleetSimulation(FleetSpec spec) {
    this.spec = spec;
    this.fleet = Fleet.of(spec);
  }

  /** Draws the fleet of {@code spec} (issue times, profiles, wake times) from its seed. */
  public static FleetSimulation of(FleetSpec spec) {
    return new FleetSimulation(Objects.requireNonNull(spec, "spec"));
  }

  /** The fleet simulated. */
  public FleetSpec spec() {
    return spec;
  }

  /**
   * Simulates {@code strategy} over the spec's horizon. Runs share only the fleet, which they do
   * not change, so several may run at once.
   */
  public FleetReport run(RenewalStrategy strategy) {
    return new SimulationRun(spec, fleet, Objects.requireNonNull(strategy, "strategy")).run();
  }
}
