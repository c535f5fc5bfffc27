// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/** One strategy's run over a fleet: the event loop and the per-device state it changes. */
final class SimulationRun {
  /** Retries counted for the backoff; beyond this the ceiling is long capped anyway. */
  private static final int MAX_COUNTED_RETRIES = 64;
  private static final int NONE = -1;

  private final Fleet fleet;
  private final RenewalStrategy strategy;
  private final SimulatedSchedule schedule;
  private final SplittableRandom random;
  private final long lifetime;
  private final long horizon;
  private final long retryAfter;
  private final EventQueue queue = new EventQueue();
  private final Herds herds;
  private final CaMeter ca;

  /** Per device: the notAfter of its current certificate. */
  private final int[] notAfter;
  /** Per device: the failed attempts of the renewal under way. */
  private final byte[] retries;
  /** Per device: whether its certificate has expired within the horizon. */
  private final boolean[] expired;
  private long expiredSeconds;
  private long lostAttempts;
  private long renewals;

  /** Per profile: the herd gathering this second's failures, or NONE. */
  private final int[] herdOfSecond;
  private long herdSecond = NONE;

  SimulationRun(FleetSpec spec, Fleet fleet, RenewalStrategy strategy) {
    this.fleet = fleet;
    this.strategy = strategy;
    // Its own stream per strategy: jitter and link losses do not depend on what ran before.
    this.random = new SplittableRandom(spec.seed() * 31 + strategy.name().hashCode());
    this.schedule = SimulatedSchedule.of(strategy, spec, fleet, random);
    this.lifetime = spec.certificateLifetime().getSeconds();
    this.horizon = spec.horizon().getSeconds();
    this.retryAfter = spec.caRetryAfter().getSeconds();
    this.herds = new Herds(fleet.size);
    this.ca = new CaMeter(spec.caCapacity(), horizon);
    this.notAfter = new int[fleet.size];
    this.retries = new byte[fleet.size];
    this.expired = new boolean[fleet.size];
    this.herdOfSecond = new int[fleet.wakeInterval.length];
  }

  FleetReport run() {
    for (int device : fleet.byIssue) {
      issue(device, fleet.issuedAt[device]);
    }
    while (!queue.isEmpty()) {
      long event = queue.pop();
      long now = EventQueue.second(event);
      if (now >= horizon) {
        break;
      }
      int id = EventQueue.id(event);
      if (id < fleet.size) {
        attempt(id, now);
      } else {
        herd(id - fleet.size, now);
      }
    }
    ca.finish();
    for (int device = 0; device < fleet.size; device++) {
      if (notAfter[device] < horizon) {
        expire(device, horizon);
      }
    }
    return report();
  }

  /** One device's attempt at second {@code now}. */
  private void attempt(int device, long now) {
    if (lost(fleet.profile[device])) {
      lostAttempts++;
      retry(device, now, 0);
    } else if (ca.admit(now)) {
      renew(device, now);
    } else {
      retry(device, now, retryAfter);
    }
  }

  /** A herd's attempts at second {@code now}: one by one while the CA has room, then all at once. */
  private void herd(int herd, long now) {
    int profile = herds.profile(herd);
    while (herds.size(herd) > 0 && ca.hasRoom(now)) {
      int device = herds.poll(herd);
      if (lost(profile)) {
        lostAttempts++;
        herds.add(herdOfSecond(now, profile), device);
      } else {
        ca.admit(now);
        renew(device, now);
      }
    }
    long left = herds.size(herd);
    if (left > 0) {
      long lost = Binomial.sample(random, left, fleet.failure[profile]);
      lostAttempts += lost;
      ca.refuse(now, left - lost);
      herds.moveAll(herd, herdOfSecond(now, profile));
    }
    herds.release(herd);
  }

  private boolean lost(int profile) {
    double failure = fleet.failure[profile];
    return failure > 0 && random.nextDouble() < failure;
  }

  private void retry(int device, long now, long refusedFor) {
    if (schedule.synchronizedRetries()) {
      herds.add(herdOfSecond(now, fleet.profile[device]), device);
      return;
    }
    int retry = Math.min(retries[device] + 1, MAX_COUNTED_RETRIES);
    retries[device] = (byte) retry;
    askAt(device, Math.max(now + 1, schedule.retry(now, retry, refusedFor)));
  }

  private void renew(int device, long now) {
    renewals++;
    if (now > notAfter[device]) {
      expire(device, now);
    }
    retries[device] = 0;
    issue(device, now);
  }

  /** A new certificate for {@code device} from {@code now}, and its renewal scheduled. */
  private void issue(int device, long now) {
    notAfter[device] = (int) (now + lifetime);
    askAt(device, schedule.firstAttempt(device, now, now + lifetime));
  }

  private void expire(int device, long until) {
    expired[device] = true;
    expiredSeconds += until - notAfter[device];
  }

  private void askAt(int device, long second) {
    long wake = fleet.nextWake(device, second);
    if (wake < horizon) {
      queue.push(wake, device);
    }
  }

  /**
   * The herd of {@code profile}'s devices that failed at second {@code now}: they come back
   * together, at the same next wake, since they all woke at {@code now}.
   */
  private int herdOfSecond(long now, int profile) {
    if (herdSecond != now) {
      herdSecond = now;
      Arrays.fill(herdOfSecond, NONE);
    }
    if (herdOfSecond[profile] == NONE) {
      int herd = herds.create(profile);
      herdOfSecond[profile] = herd;
      long interval = fleet.wakeInterval[profile];
      long at = schedule.retry(now, 1, retryAfter);
      long wake = interval == 0 ? at : at + Math.floorMod(now - at, interval);
      if (wake < horizon) {
        queue.push(wake, fleet.size + herd);
      }
    }
    return herdOfSecond[profile];
  }

  private FleetReport report() {
    int expiredDevices = 0;
    for (boolean e : expired) {
      expiredDevices += e ? 1 : 0;
    }
    return new FleetReport(
        strategy,
        fleet.size,
        ca.peak(),
        Duration.ofSeconds(ca.peakSecond()),
        ca.requests(),
        ca.refused(),
        lostAttempts,
        renewals,
        expiredDevices,
        expiredSeconds / 3600.0,
        LongStream.of(ca.perHour()).boxed().toList());
  }
}
