// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

/** The exit codes of every iotpki command: part of the CLI's contract with scripts. */
final class ExitCode {
  /** Success, or the input is valid. */
  static final int OK = 0;
  /** The input is invalid or the peer rejected the request; the JSON says why. */
  static final int INVALID = 1;
  /** Usage error, or unreadable or malformed input; the JSON has {@code error}. */
  static final int USAGE_OR_INPUT = 2;
  /** Enrollment is pending; the JSON says how to resume. */
  static final int PENDING = 3;

  private ExitCode() {}
}
