// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The devices of a {@link FleetSpec}, drawn once from its seed and shared by the runs of every
 * strategy, so that strategies are compared on the same fleet: one primitive array per field,
 * indexed by device.
 */
final class Fleet {
  private static final int DAY = 86_400;

  final int size;
  /** The notBefore of each device's first certificate, seconds from the start of provisioning. */
  final int[] issuedAt;
  /** Each device's profile, an index into {@link #wakeInterval} and {@link #failure}. */
  final byte[] profile;
  /** The second of its wake interval at which each waking device wakes. */
  final int[] wakePhase;
  /** The devices in the order their first certificates were issued (ties by index). */
  final int[] byIssue;
  /** Per profile: seconds between wakes, 0 for always-on. */
  final long[] wakeInterval;
  /** Per profile: the probability that an attempt is lost on the link. */
  final double[] failure;

  private Fleet(int size, int profiles) {
    this.size = size;
    this.issuedAt = new int[size];
    this.profile = new byte[size];
    this.wakePhase = new int[size];
    this.byIssue = new int[size];
    this.wakeInterval = new long[profiles];
    this.failure = new double[profiles];
  }

  static Fleet of(FleetSpec spec) {
    Fleet fleet = new Fleet(spec.devices(), spec.profiles().size());
    double[] cumulative = new double[spec.profiles().size()];
    int p = 0;
    double sum = 0;
    for (var entry : spec.profiles().entrySet()) {
      fleet.wakeInterval[p] = entry.getKey().wakeInterval().getSeconds();
      fleet.failure[p] = entry.getKey().attemptFailureProbability();
      sum += entry.getValue();
      cumulative[p++] = sum;
    }
    cumulative[cumulative.length - 1] = 1; // no device left over to rounding

    SplittableRandom random = new SplittableRandom(spec.seed());
    long[] keys = new long[fleet.size];
    for (int device = 0; device < fleet.size; device++) {
      fleet.issuedAt[device] = issuedAt(spec.provisioning(), device, fleet.size, random);
      int profile = pick(cumulative, random.nextDouble());
      fleet.profile[device] = (byte) profile;
      long interval = fleet.wakeInterval[profile];
      fleet.wakePhase[device] = interval == 0 ? 0 : (int) random.nextLong(interval);
      keys[device] = (long) fleet.issuedAt[device] << EventQueue.ID_BITS | device;
    }
    Arrays.sort(keys);
    for (int i = 0; i < fleet.size; i++) {
      fleet.byIssue[i] = EventQueue.id(keys[i]);
    }
    return fleet;
  }

  /** The first wake of {@code device} at or after {@code second} (the second itself if always on). */
  long nextWake(int device, long second) {
    long interval = wakeInterval[profile[device]];
    return interval == 0 ? second : second + Math.floorMod(wakePhase[device] - second, interval);
  }

  private static int issuedAt(Provisioning provisioning, int device, int devices, SplittableRandom random) {
    if (provisioning instanceof Provisioning.Batches batches) {
      int batch = (int) ((long) device * batches.batches() / devices);
      return (int) (batches.day(batch) * DAY);
    }
    return (int) random.nextLong(provisioning.window().getSeconds());
  }

  private static int pick(double[] cumulative, double draw) {
    int p = 0;
    while (draw >= cumulative[p]) {
      p++;
    }
    return p;
  }
}
