// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.Location;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI in a child JVM under the JDK's debugger interface and kills it with SIGKILL at
 * the n-th executed source line of the given classes: a crash at an exact point of a write and
 * rename sequence, without any test hook in the code under test.
 */
final class KillPoints {
  private static final long TIMEOUT_MILLIS = 120_000;

  /**
   * What became of the child.
   *
   * @param lines the lines of the watched classes it executed (up to the kill)
   * @param killed whether it was killed, rather than ending by itself
   * @param output its stdout and stderr
   */
  record Run(long lines, boolean killed, String output) {}

  private final List<String> watchedClasses;

  KillPoints(List<String> watchedClasses) {
    this.watchedClasses = List.copyOf(watchedClasses);
  }

  /** Runs {@code iotpki args...}, killing it at watched line {@code killAt} (1-based) if reached. */
  Run run(List<String> args, long killAt) throws Exception {
    LaunchingConnector connector = Bootstrap.virtualMachineManager().defaultConnector();
    Map<String, Connector.Argument> arguments = connector.defaultArguments();
    arguments.get("main").setValue(Main.class.getName() + " " + String.join(" ", args));
    arguments.get("options").setValue("-cp " + System.getProperty("java.class.path")
        + " -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    VirtualMachine vm = connector.launch(arguments);
    Process process = vm.process();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread stdout = drain(process.getInputStream(), output);
    Thread stderr = drain(process.getErrorStream(), output);
    for (String watched : watchedClasses) {
      ClassPrepareRequest request = vm.eventRequestManager().createClassPrepareRequest();
      request.addClassFilter(watched);
      request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
      request.enable();
    }
    long lines = 0;
    boolean killed = false;
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    vm.resume();
    try {
      events:
      while (true) {
        EventSet events = vm.eventQueue().remove(Math.max(1, deadline - System.currentTimeMillis()));
        if (events == null) {
          process.destroyForcibly();
          throw new AssertionError("the child JVM did not finish in time");
        }
        for (Event event : events) {
          if (event instanceof ClassPrepareEvent prepared) {
            breakOnEveryLine(vm, prepared);
          } else if (event instanceof BreakpointEvent && ++lines == killAt) {
            process.destroyForcibly(); // SIGKILL while suspended at the line: it never runs
            killed = true;
            break events;
          } else if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
            break events;
          }
        }
        events.resume();
      }
    } catch (VMDisconnectedException e) {
      // the child ended
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not exit");
    }
    stdout.join();
    stderr.join();
    return new Run(lines, killed, output.toString(StandardCharsets.UTF_8));
  }

  private static void breakOnEveryLine(VirtualMachine vm, ClassPrepareEvent prepared)
      throws AbsentInformationException {
    for (Location location : prepared.referenceType().allLineLocations()) {
      BreakpointRequest breakpoint = vm.eventRequestManager().createBreakpointRequest(location);
      breakpoint.setSuspendPolicy(EventRequest.SUSPEND_ALL);
      breakpoint.enable();
    }
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
    Thread thread = new Thread(() -> {
      try {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
          synchronized (sink) {
            sink.write(buffer, 0, n);
          }
        }
      } catch (IOException e) {
        if (!e.getMessage().contains("closed")) {
          throw new UncheckedIOException(e);
        }
      }
    });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
