// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

/**
 * The CA as the simulation sees it: it serves up to {@code capacity} requests in each second and
 * refuses the rest of that second (HTTP 503 with Retry-After), and it measures the load: requests
 * per hour, and the busiest second. Requests must arrive in time order.
 */
final class CaMeter {
  private static final int HOUR = 3600;

  private final int capacity;
  private final long[] perHour;
  private long second = -1;
  private int served;
  private long arrivals;
  private long peak;
  private long peakSecond;
  private long requests;
  private long refused;

  CaMeter(int capacity, long horizonSeconds) {
    this.capacity = capacity;
    this.perHour = new long[(int) ((horizonSeconds + HOUR - 1) / HOUR)];
  }

  /** Whether the CA still serves requests in second {@code now}. */
  boolean hasRoom(long now) {
    enter(now);
    return served < capacity;
  }

  /** A request at second {@code now}: whether the CA serves it (else it refuses it). */
  boolean admit(long now) {
    enter(now);
    count(now, 1);
    if (served < capacity) {
      served++;
      return true;
    }
    refused++;
    return false;
  }

  /** {@code n} requests at second {@code now} when the CA has no room left in it: all refused. */
  void refuse(long now, long n) {
    enter(now);
    count(now, n);
    refused += n;
  }

  /** Closes the last second; call once, after the last request. */
  void finish() {
    closeSecond();
  }

  long requests() {
    return requests;
  }

  long refused() {
    return refused;
  }

  /** The requests (served or refused) of the busiest second. */
  long peak() {
    return peak;
  }

  /** The busiest second (the first of equally busy ones). */
  long peakSecond() {
    return peakSecond;
  }

  long[] perHour() {
    return perHour;
  }

  private void enter(long now) {
    if (now != second) {
      closeSecond();
      second = now;
      served = 0;
      arrivals = 0;
    }
  }

  private void count(long now, long n) {
    arrivals += n;
    requests += n;
    perHour[(int) (now / HOUR)] += n;
  }

  private void closeSecond() {
    if (arrivals > peak) {
      peak = arrivals;
      peakSecond = second;
    }
  }
}
