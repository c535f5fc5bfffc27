// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRejectedException;
import org.iotpki.core.enroll.EnrollmentTransportException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A leaf command: turns unreadable or malformed input into exit code 2 with a one-line message
 * (and {@code {"error": ...}} under --json), never a stack trace.
 */
abstract class IotpkiCommand implements Callable<Integer> {
  @Mixin Output output;
  @Spec CommandSpec spec;

  /** Runs the command and returns its exit code. */
  abstract int execute() throws IOException, PkiParseException;

  @Override
  public final Integer call() {
    try {
      return execute();
    } catch (NoSuchFileException e) {
      return error("no such file: " + e.getFile());
    } catch (FileAlreadyExistsException e) {
      return error("refusing to overwrite " + e.getFile());
    } catch (IOException e) {
      return error("cannot read input: " + e.getMessage());
    } catch (PkiParseException e) {
      return error("malformed input: " + e.getMessage());
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /**
   * Reports a failure to talk to an enrollment server (exit 2), with its kind ({@code failure}:
   * CONNECT, TLS, TIMEOUT, ...) and whether the same request may be sent again.
   */
  int transportFailure(EnrollmentTransportException e) {
    if (output.json) {
      Map<String, Object> json = Output.errorObject(e.getMessage());
      json.put("failure", e.failure().name());
      json.put("retrySafe", e.retrySafe());
      e.retryAfter().ifPresent(after -> json.put("retryAfterSeconds", after.toSeconds()));
      output.result(out(), json, "");
    }
    spec.commandLine().getErr().println("iotpki: " + e.getMessage());
    spec.commandLine().getErr().flush();
    return ExitCode.USAGE_OR_INPUT;
  }

  /** Reports a server's refusal (exit 1), with its protocol code as {@code reason}. */
  int rejected(EnrollmentOutcome.Rejected rejection) {
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("status", "rejected");
    json.put("reason", rejection.code());
    json.put("detail", rejection.detail());
    output.result(out(), json, "rejected: " + rejection + "\n");
    return ExitCode.INVALID;
  }

  /** A call to an enrollment server, reporting its own result and returning the exit code. */
  @FunctionalInterface
  interface PeerCall {
    int run() throws EnrollmentTransportException, EnrollmentRejectedException, IOException,
        PkiParseException;
  }

  /**
   * Runs {@code call}, reporting what stops it the same way for every server command: a
   * transport failure (exit 2, with its kind), a refusal (exit 1, with its code), an unusable
   * option or input (exit 2).
   */
  int callPeer(PeerCall call) throws IOException, PkiParseException {
    try {
      return call.run();
    } catch (EnrollmentTransportException e) {
      return transportFailure(e);
    } catch (EnrollmentRejectedException e) {
      return rejected(e.rejection());
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
  }

  /** Reports unusable input or options; returns the exit code to return. */
  int error(String message) {
    output.error(out(), spec.commandLine().getErr(), message);
    return ExitCode.USAGE_OR_INPUT;
  }
}
