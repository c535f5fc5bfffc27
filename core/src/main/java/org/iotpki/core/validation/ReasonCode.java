// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.validation;

/**
 * A machine-readable reason why validation failed.
 *
 * <p>Implemented by enums: {@link ChainFailure} for the checks of core, and by the reason enums
 * of profiles built on it (such as Matter attestation), so a program can compare a result's reason
 * with {@code ==} against the constants it knows.
 */
public interface ReasonCode {
  /** The constant's name, such as {@code "EXPIRED"}: stable, for scripts and JSON. */
  String name();
}
