// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.lifecycle.FileCredentialStore;
import org.iotpki.core.lifecycle.RenewalAgent;
import org.iotpki.core.lifecycle.RenewalEvent;
import org.iotpki.core.lifecycle.RenewalResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki agent run --config F [--daemon]}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "One renewal pass (or, with --daemon, one pass after another, each when the last says):",
      "finish a switch-over a crash interrupted, enroll the first credential through the",
      "bootstrap server, poll a pending enrollment, renew the credential when it is due.",
      "The credential store (see the configuration file) survives a crash at any point.",
      "Exit 0 issued or up to date, 1 rejected, 2 usage, input or transport error, 3 pending."
    })
final class AgentRunCommand extends IotpkiCommand {
  @Option(names = "--config", required = true, paramLabel = "FILE",
      description = "The agent configuration (a properties file: store, subject, bootstrap,"
          + " renewal, ...; see the README).")
  Path config;

  @Option(names = "--daemon", description = "Keep running: sleep until each pass's next run.")
  boolean daemon;

  @Option(names = "--passes", paramLabel = "N", defaultValue = "0",
      converter = NumberConverter.class,
      description = "With --daemon: stop after N passes (default: never).")
  long passes;

  @Option(names = "--next-chance", paramLabel = "SECONDS", defaultValue = "0",
      converter = NumberConverter.class,
      description = {"A device that runs again only this long from now (firmware-coupled: at its"
          + " next update; a rare sleeper: at its next wake): renew now if the renewal time falls"
          + " before then (default: ${DEFAULT-VALUE}, renew when due)."})
  long nextChanceSeconds;

  @Option(names = "--max-wait", paramLabel = "SECONDS", defaultValue = "0",
      converter = NumberConverter.class,
      description = "Within a pass, retry and poll for up to this long (default: ${DEFAULT-VALUE}).")
  long maxWaitSeconds;

  @Override
  int execute() throws IOException, PkiParseException {
    if (nextChanceSeconds < 0) {
      return error("--next-chance must not be negative");
    }
    AgentConfig configuration;
    try {
      configuration = AgentConfig.read(config);
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    FileCredentialStore opened;
    try {
      opened = configuration.openStore();
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    try (FileCredentialStore store = opened) {
      List<RenewalEvent> events = new ArrayList<>();
      RenewalAgent agent;
      try {
        agent = agent(configuration, store, events);
      } catch (IllegalArgumentException e) {
        return error(e.getMessage());
      }
      for (long pass = 1; ; pass++) {
        events.clear();
        RenewalResult result;
        try {
          result = agent.runBefore(Clock.systemUTC().instant().plusSeconds(nextChanceSeconds));
        } catch (IllegalStateException e) {
          return error(e.getMessage());
        }
        int exit = report(result, events);
        if (!daemon || pass == passes || !sleepUntil(result.nextRun())) {
          return exit;
        }
      }
    }
  }

  private RenewalAgent agent(AgentConfig configuration, FileCredentialStore store,
      List<RenewalEvent> events) throws IOException, PkiParseException {
    RenewalAgent.Builder builder = RenewalAgent.builder()
        .store(store)
        .renewal(configuration.client("renewal"), configuration.request("renewal"))
        .schedule(configuration.schedule())
        .retryInterval(configuration.retryInterval())
        .retryPolicy(EnrollmentCommand.retryPolicy(maxWaitSeconds))
        .listener(events::add);
    if (configuration.hasBootstrap()) {
      builder.bootstrap(configuration.client("bootstrap"), configuration.request("bootstrap"));
    }
    return builder.build();
  }

  private int report(RenewalResult result, List<RenewalEvent> events) {
    Map<String, Object> json = new LinkedHashMap<>();
    int exit;
    String text;
    if (result instanceof RenewalResult.UpToDate upToDate) {
      json.put("status", "up-to-date");
      describe(json, upToDate.credential().certificate());
      exit = ExitCode.OK;
      text = "up to date: serial " + json.get("serial");
    } else if (result instanceof RenewalResult.Issued issued) {
      json.put("status", "issued");
      json.put("firstEnrollment", issued.firstEnrollment());
      describe(json, issued.credential().certificate());
      exit = ExitCode.OK;
      text = "issued: serial " + json.get("serial");
    } else if (result instanceof RenewalResult.Pending pending) {
      json.put("status", "pending");
      json.put("transactionId", pending.pending().transactionId());
      json.put("resume", "iotpki agent run --config " + config);
      exit = ExitCode.PENDING;
      text = "pending: run again after " + result.nextRun();
    } else if (result instanceof RenewalResult.Rejected rejected) {
      json.put("status", "rejected");
      json.put("reason", rejected.code());
      json.put("detail", rejected.detail());
      exit = ExitCode.INVALID;
      text = "rejected: " + rejected.code() + " " + rejected.detail();
    } else {
      RenewalResult.Failed failed = (RenewalResult.Failed) result;
      json.put("status", "failed");
      json.put("failure", failed.cause().failure().name());
      json.put("error", failed.cause().getMessage());
      exit = ExitCode.USAGE_OR_INPUT;
      text = "failed: " + failed.cause().getMessage();
    }
    json.put("nextRun", result.nextRun().toString());
    json.put("events", events.stream().map(e -> e.type() + " " + e.detail()).toList());
    output.result(out(), json, text + "; next run " + result.nextRun() + "\n");
    return exit;
  }

  private static void describe(Map<String, Object> json, X509Certificate certificate) {
    json.put("subject", certificate.getSubjectX500Principal().getName());
    json.put("serial", certificate.getSerialNumber().toString(16));
    json.put("notAfter", certificate.getNotAfter().toInstant().toString());
  }

  /** Whether the sleep ended at {@code next} rather than by an interrupt (a stop). */
  private static boolean sleepUntil(Instant next) {
    Duration wait = Duration.between(Clock.systemUTC().instant(), next);
    try {
      Thread.sleep(Math.max(0, wait.toMillis()));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
