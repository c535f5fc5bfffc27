// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The smallest {@code -Xmx} (in MiB) at which each {@link HeadlineOperation} still runs: a
 * bisection over child JVMs of this one's {@code java}, with this class path, between
 * {@value #LOWEST_MIB} MiB and {@value #HIGHEST_MIB} MiB. Prints {@code NAME=MiB} lines ({@code
 * NAME=>64} when even the highest fails). Usage: {@code MinimumHeap [NAME...]}, default all.
 */
public final class MinimumHeap {
  private static final int LOWEST_MIB = 2;
  private static final int HIGHEST_MIB = 64;
  private static final long CHILD_TIMEOUT_SECONDS = 120;

  private MinimumHeap() {}

  /** Bisects each named operation (all headline operations without arguments). */
  public static void main(String[] args) throws IOException, InterruptedException {
    List<String> names = args.length > 0 ? List.of(args) : HeadlineOperation.NAMES;
    for (String name : names) {
      System.out.println(name + "=" + minimum(name));
    }
  }

  private static String minimum(String name) throws IOException, InterruptedException {
    if (!runs(name, HIGHEST_MIB)) {
      return ">" + HIGHEST_MIB;
    }
    int failing = LOWEST_MIB - 1;
    int running = HIGHEST_MIB;
    while (running - failing > 1) {
      int middle = (failing + running) >>> 1;
      if (runs(name, middle)) {
        running = middle;
      } else {
        failing = middle;
      }
    }
    return Integer.toString(running);
  }

  private static boolean runs(String name, int mebibytes) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + mebibytes + "m",
        "-cp", System.getProperty("java.class.path"), HeadlineOperation.class.getName(), name));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor();
      return false;
    }
    return child.exitValue() == 0;
  }
}
