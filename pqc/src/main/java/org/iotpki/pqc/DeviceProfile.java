// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import java.util.Objects;

/**
 * The storage a device has for its PKI material.
 *
 * @param name a label for reports
 * @param flashBytes non-volatile storage for certificates and keys
 * @param ramBytes working memory, which verification must fit in
 */
public record DeviceProfile(String name, long flashBytes, long ramBytes) {

  /** @throws IllegalArgumentException for sizes that are not positive */
  public DeviceProfile {
    Objects.requireNonNull(name, "name");
    if (flashBytes <= 0 || ramBytes <= 0) {
      throw new IllegalArgumentException("flash and RAM sizes must be positive");
    }
  }

  /** A constrained device: 2 MiB flash, 512 KiB RAM. */
  public static DeviceProfile constrained() {
    return new DeviceProfile("2 MB flash / 512 KB RAM", 2L * 1024 * 1024, 512L * 1024);
  }
}
