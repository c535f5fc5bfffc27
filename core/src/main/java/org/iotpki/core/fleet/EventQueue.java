// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.util.Arrays;

/**
 * The simulation's future events, earliest first, without an object per event: each event is one
 * {@code long}, {@code second << ID_BITS | id}, in a binary min-heap. Events of the same second
 * come out in the order of their ids, so a run is deterministic.
 */
final class EventQueue {
  /** Bits of an event that name who acts: a device, or (above the devices) a herd. */
  static final int ID_BITS = 26;
  private static final long ID_MASK = (1L << ID_BITS) - 1;

  private long[] heap = new long[1024];
  private int size;

  void push(long second, int id) {
    if (id >>> ID_BITS != 0) {
      throw new IllegalStateException("event id " + id + " does not fit " + ID_BITS + " bits");
    }
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    long event = second << ID_BITS | id;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent] <= event) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = event;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Removes and returns the earliest event. */
  long pop() {
    long top = heap[0];
    long last = heap[--size];
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      if (child + 1 < size && heap[child + 1] < heap[child]) {
        child++;
      }
      if (last <= heap[child]) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
    return top;
  }

  static long second(long event) {
    return event >>> ID_BITS;
  }

  static int id(long event) {
    return (int) (event & ID_MASK);
  }
}
