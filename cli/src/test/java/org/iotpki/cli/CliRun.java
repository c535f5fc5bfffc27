// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the {@code iotpki} command: its exit code and what it printed, read back
 * with an independent JSON parser.
 */
record CliRun(int exitCode, String out, String err) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs {@code iotpki args...}. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The standard output as JSON. */
  JsonNode json() throws Exception {
    return JSON.readTree(out);
  }
}
