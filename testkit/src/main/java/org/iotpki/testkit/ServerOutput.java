// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a peer server's output until it says it is listening, then keeps draining it. */
final class ServerOutput {
  private ServerOutput() {}

  /**
   * The first line of {@code process}'s output that matches {@code ready}; its output is read on
   * afterwards and discarded, so that a full pipe never blocks the server.
   *
   * @throws Exception if the server ends or stays silent for {@code timeoutSeconds}
   */
  static Matcher awaitLine(Process process, Pattern ready, int timeoutSeconds, String name)
      throws Exception {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Matcher> line = CompletableFuture.supplyAsync(() -> {
      StringBuilder seen = new StringBuilder();
      try {
        for (String text = out.readLine(); text != null; text = out.readLine()) {
          if (seen.length() < 4096) {
            seen.append(text).append('\n');
          }
          Matcher matcher = ready.matcher(text);
          if (matcher.find()) {
            drain(out, name);
            return matcher;
          }
        }
        throw new IllegalStateException(name + " ended without listening:\n" + seen);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    return line.get(timeoutSeconds, TimeUnit.SECONDS);
  }

  private static void drain(BufferedReader out, String name) {
    Thread drainer = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // discarded
        }
      } catch (IOException closed) {
        // the server stopped
      }
    }, name + "-output");
    drainer.setDaemon(true);
    drainer.start();
  }
}
