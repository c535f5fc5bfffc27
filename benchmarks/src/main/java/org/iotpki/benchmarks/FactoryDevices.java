// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.security.KeyPair;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.enroll.EnrollmentOutcome;

/**
 * The devices of the enrollment benchmarks: keys made beforehand (devices bring their keys), used
 * in turn, so a round trip measures the enrollment and not the key generation.
 */
final class FactoryDevices {
  /** How many: a SCEP benchmark iteration enrolls each once (see ScepEnrollmentBenchmark). */
  static final int DEVICES = 32;
  private final KeyPair[] keys = new KeyPair[DEVICES];
  private int next;

  FactoryDevices(KeyAlgorithm algorithm) {
    for (int i = 0; i < DEVICES; i++) {
      keys[i] = KeyPairs.generate(algorithm);
    }
  }

  /** The key of the next device. */
  KeyPair nextKey() {
    return keys[next++ % DEVICES];
  }

  /** A subject name for the device of the last {@link #nextKey()}. */
  String subject() {
    return "CN=line-device-" + next;
  }

  /** Any of the keys, for a baseline with the same kind of key. */
  KeyPair anyKey() {
    return keys[0];
  }

  /** The outcome, or an exception when it is not a certificate: a benchmark measures enrollments. */
  static EnrollmentOutcome requireIssued(EnrollmentOutcome outcome) {
    if (!(outcome instanceof EnrollmentOutcome.Issued)) {
      throw new IllegalStateException("not issued: " + outcome);
    }
    return outcome;
  }
}
