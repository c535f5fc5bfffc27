// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.enroll.EnrollmentClient;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.enroll.RetryPolicy;
import org.iotpki.core.internal.AtomicFiles;
import org.iotpki.core.io.PemEncoder;
import picocli.CommandLine.Option;

/**
 * An enrollment command (EST, SCEP, ...) that ends in an outcome: writes the credential (exit 0),
 * the pending state (exit 3) or the refusal (exit 1); a transport failure is exit 2 with its kind.
 */
abstract class EnrollmentCommand extends IotpkiCommand {
  static final String STATE_FILE = "pending.state";

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Where to write cert.pem, chain.pem, key.pem (a generated key) or pending.state.")
  Path out;

  @Option(names = "--max-wait", paramLabel = "SECONDS", defaultValue = "0",
      converter = NumberConverter.class,
      description = "Retry and poll for up to this long before reporting pending (default: ${DEFAULT-VALUE}).")
  long maxWaitSeconds;

  /** One enrollment call, under the retry policy. */
  @FunctionalInterface
  interface Call {
    EnrollmentOutcome run(RetryPolicy policy) throws EnrollmentTransportException, IOException,
        PkiParseException;
  }

  /**
   * Whether to wait at all (--max-wait above 0). Without it a poll asks now, whatever retry time
   * the server gave: whoever runs the command has chosen the moment.
   */
  boolean waits() {
    return maxWaitSeconds > 0;
  }

  /**
   * Asks again about {@code pending}: now, or, with --max-wait, at its retry time and then under
   * the retry policy; with {@code current} when that credential authorizes the request (null
   * otherwise).
   */
  int resume(EnrollmentClient client, PendingEnrollment pending, Credential current,
      String again) throws IOException, PkiParseException {
    return enroll(policy -> {
      if (!waits()) {
        return current == null ? client.poll(pending) : client.poll(pending, current);
      }
      return current == null
          ? policy.resume(client, pending) : policy.resume(client, pending, current);
    }, again);
  }

  /** What --max-wait SECONDS means: no retries at 0, else retries and polls for that long. */
  static RetryPolicy retryPolicy(long maxWaitSeconds) {
    return maxWaitSeconds <= 0
        ? RetryPolicy.noRetries()
        : RetryPolicy.builder().deadline(Duration.ofSeconds(maxWaitSeconds)).maxAttempts(100).build();
  }

  /** Runs {@code call} and reports its outcome; {@code resume} says how to resume a pending one. */
  int enroll(Call call, String resume) throws IOException, PkiParseException {
    RetryPolicy policy = retryPolicy(maxWaitSeconds);
    return callPeer(() -> report(call.run(policy), resume));
  }

  private int report(EnrollmentOutcome outcome, String resume) throws IOException {
    Files.createDirectories(out);
    if (outcome instanceof EnrollmentOutcome.Issued issued) {
      return issued(issued);
    }
    if (outcome instanceof EnrollmentOutcome.Pending pending) {
      return pending(pending.enrollment(), resume);
    }
    return rejected((EnrollmentOutcome.Rejected) outcome);
  }

  private int issued(EnrollmentOutcome.Issued issued) throws IOException {
    X509Certificate certificate = issued.certificate();
    Map<String, Object> files = new LinkedHashMap<>();
    if (issued.generatedKey().isPresent()) {
      Path key = out.resolve("key.pem");
      OwnerOnly.writeNew(key, PemEncoder.privateKey(issued.generatedKey().get()));
      files.put("key", key.toString());
    }
    Path cert = writeNew("cert.pem", PemEncoder.certificate(certificate));
    Path chain = writeNew("chain.pem", PemEncoder.certificates(issued.chain()));
    files.put("cert", cert.toString());
    files.put("chain", chain.toString());
    // The enrollment is over: a state file left from it must not be resumed again.
    Files.deleteIfExists(out.resolve(STATE_FILE));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", "issued");
    json.put("subject", certificate.getSubjectX500Principal().getName());
    json.put("serial", certificate.getSerialNumber().toString(16));
    json.put("notAfter", certificate.getNotAfter().toInstant().toString());
    json.put("files", files);
    output.result(out(), json, "issued " + certificate.getSubjectX500Principal().getName()
        + " (serial " + certificate.getSerialNumber().toString(16) + ") -> " + cert + "\n");
    return ExitCode.OK;
  }

  private int pending(PendingEnrollment pending, String resume) throws IOException {
    Path state = out.resolve(STATE_FILE);
    // Replaced atomically and durably, owner-only: a crash leaves the old state or the new one.
    AtomicFiles.write(state, pending.encode());
    long retryAfter = Math.max(0,
        Duration.between(Clock.systemUTC().instant(), pending.retryAt()).toSeconds());
    String command = resume.replace("STATE", state.toString());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", "pending");
    json.put("transactionId", pending.transactionId());
    json.put("retryAt", pending.retryAt().toString());
    json.put("retryAfterSeconds", retryAfter);
    json.put("state", state.toString());
    json.put("resume", command);
    output.result(out(), json, "pending: ask again after " + pending.retryAt() + " with:\n  "
        + command + "\n");
    return ExitCode.PENDING;
  }

  private Path writeNew(String name, String text) throws IOException {
    return Files.writeString(out.resolve(name), text, StandardCharsets.US_ASCII,
        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
  }
}
