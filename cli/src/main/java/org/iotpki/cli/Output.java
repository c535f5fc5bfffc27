// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --json} option and the one place commands print results: exactly one JSON object on
 * stdout with {@code --json}, text for people without it.
 */
final class Output {
  @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
  boolean json;

  /** Prints a result: the JSON object, or the text. */
  void result(PrintWriter out, Map<String, Object> fields, String text) {
    out.print(json ? Json.write(fields) + "\n" : text);
    out.flush();
  }

  /** Prints an error: as {@code {"error": ...}} on stdout with --json, and always on stderr. */
  void error(PrintWriter out, PrintWriter err, String message) {
    if (json) {
      out.println(Json.write(errorObject(message)));
      out.flush();
    }
    err.println("iotpki: " + message);
    err.flush();
  }

  static Map<String, Object> errorObject(String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error", message);
    return error;
  }
}
