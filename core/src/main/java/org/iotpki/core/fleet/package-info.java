// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/**
 * Fleet renewal planning: renewing the certificates of 100k to 1M devices without stampeding the
 * CA and without letting any expire.
 *
 * <ul>
 *   <li>{@link org.iotpki.core.fleet.FleetPlanner}: per-device renewal windows that keep the load
 *       planned on the CA under a target, for a CA operator's fleet or inside a simulation;
 *   <li>{@link org.iotpki.core.fleet.FleetSimulation}: what a {@link
 *       org.iotpki.core.fleet.RenewalStrategy} (naive, jittered, batched) does to a {@link
 *       org.iotpki.core.fleet.FleetSpec}'s CA and devices, as a {@link
 *       org.iotpki.core.fleet.FleetReport};
 *   <li>{@link org.iotpki.core.fleet.LifetimePolicy}: a certificate lifetime short enough to need
 *       no revocation and long enough for a device's {@link
 *       org.iotpki.core.fleet.ConnectivityProfile} to renew in time.
 * </ul>
 */
package org.iotpki.core.fleet;
