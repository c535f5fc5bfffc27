// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.util.Arrays;

/**
 * Devices that ask the CA in the same second, kept as one list, so that a refused herd moves on as
 * one event however large it is. A naive fleet retries at a fixed interval without jitter: every
 * device of a profile that failed in one second comes back together in one later second, and a
 * herd of 100,000 devices refused every hour would otherwise cost 100,000 events an hour.
 *
 * <p>Lists are intrusive (one {@code next} link per device), so nothing is allocated per device.
 */
final class Herds {
  private static final int END = -1;

  private final int[] next;
  private int[] head = new int[64];
  private int[] tail = new int[64];
  private int[] size = new int[64];
  private byte[] profile = new byte[64];
  private int[] free = new int[64];
  private int freeCount;
  private int created;

  Herds(int devices) {
    this.next = new int[devices];
  }

  /** A new, empty herd of devices of {@code profile}; returns its id. */
  int create(int profileIndex) {
    int herd;
    if (freeCount > 0) {
      herd = free[--freeCount];
    } else {
      herd = created++;
      if (herd == head.length) {
        int grown = herd * 2;
        head = Arrays.copyOf(head, grown);
        tail = Arrays.copyOf(tail, grown);
        size = Arrays.copyOf(size, grown);
        profile = Arrays.copyOf(profile, grown);
      }
    }
    head[herd] = END;
    tail[herd] = END;
    size[herd] = 0;
    profile[herd] = (byte) profileIndex;
    return herd;
  }

  void add(int herd, int device) {
    next[device] = END;
    if (size[herd] == 0) {
      head[herd] = device;
    } else {
      next[tail[herd]] = device;
    }
    tail[herd] = device;
    size[herd]++;
  }

  /** Removes and returns the first device of {@code herd}, which must not be empty. */
  int poll(int herd) {
    int device = head[herd];
    head[herd] = next[device];
    size[herd]--;
    return device;
  }

  int size(int herd) {
    return size[herd];
  }

  int profile(int herd) {
    return profile[herd];
  }

  /** Appends every device of {@code from} to {@code to}, leaving {@code from} empty. */
  void moveAll(int from, int to) {
    if (size[from] == 0) {
      return;
    }
    if (size[to] == 0) {
      head[to] = head[from];
    } else {
      next[tail[to]] = head[from];
    }
    tail[to] = tail[from];
    size[to] += size[from];
    size[from] = 0;
  }

  /** Returns an empty herd's id for reuse. */
  void release(int herd) {
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = herd;
  }
}
