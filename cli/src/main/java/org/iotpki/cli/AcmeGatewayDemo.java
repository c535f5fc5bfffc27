// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iotpki.acme.AcmeAccountKey;
import org.iotpki.acme.AcmeEnrollmentClient;
import org.iotpki.acme.Http01Responder;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.RetryPolicy;
import org.iotpki.core.lifecycle.FileCredentialStore;
import org.iotpki.core.lifecycle.RenewalAgent;
import org.iotpki.core.lifecycle.RenewalResult;
import org.iotpki.core.lifecycle.RenewalSchedule;
import org.iotpki.testkit.PebbleServer;

/**
 * The ACME part of {@code iotpki demo}: a gateway-class device's renewal agent enrolls and renews
 * over ACME with Let's Encrypt's test server Pebble, which validates http-01 against the
 * gateway's responder. Skipped, and said so, where pebble is not installed.
 */
final class AcmeGatewayDemo {
  private final StringBuilder report;

  AcmeGatewayDemo(StringBuilder report) {
    this.report = report;
  }

  /** Runs the gateway with its files in {@code directory}; the demo step. */
  Map<String, Object> run(Path directory) throws IOException, PkiParseException {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("step", "acme gateway");
    try (Http01Responder http01 = Http01Responder.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        PebbleServer pebble = startPebble(directory, http01.port());
        FileCredentialStore store = FileCredentialStore.open(directory.resolve("identity"))) {
      if (pebble == null) {
        report.append(String.format(Locale.ROOT, "%-12s skipped: Pebble (Debian package pebble)"
            + " is not installed%n", "acme:"));
        step.put("skipped", "pebble is not installed");
        step.put("success", true);
        return step;
      }
      AcmeEnrollmentClient acme = AcmeEnrollmentClient.builder(pebble.directory())
          .trustAnchors(List.of(pebble.tlsTrust()))
          .accountKey(AcmeAccountKey.loadOrCreate(directory.resolve("account-key.pem")))
          .agreeToTermsOfService()
          .responder(http01)
          .build();
      EnrollmentRequest request = EnrollmentRequest.builder().subject("CN=127.0.0.1")
          .subjectAltNames(GeneralName.ip(InetAddress.getLoopbackAddress()))
          .generateKey(KeyAlgorithm.EC_P256).build();
      RenewalAgent agent = RenewalAgent.builder()
          .store(store)
          .bootstrap(acme, request)
          .renewal(acme, request)
          .renewalInfo(acme)
          .schedule(RenewalSchedule.between(1e-12, 2e-12)) // due at once: the second pass renews
          .retryPolicy(RetryPolicy.builder().maxAttempts(2).deadline(Duration.ofSeconds(30))
              .build())
          .build();
      RenewalResult first = agent.runOnce();
      RenewalResult second = agent.runOnce();
      boolean ok = first instanceof RenewalResult.Issued issued && issued.firstEnrollment()
          && second instanceof RenewalResult.Issued renewed && !renewed.firstEnrollment();
      report.append(String.format(Locale.ROOT,
          "%-12s gateway over ACME (Pebble validating http-01 on port %d): %s, then %s%n", "acme:",
          http01.port(), describe(first), describe(second)));
      step.put("enrolled", describe(first));
      step.put("renewed", describe(second));
      step.put("success", ok);
      return step;
    }
  }

  /** Pebble on 127.0.0.1, or null where it is not installed. */
  private static PebbleServer startPebble(Path directory, int httpPort) throws IOException {
    try {
      return PebbleServer.builder(directory.resolve("pebble")).httpPort(httpPort).start();
    } catch (IOException notInstalled) {
      return null;
    } catch (Exception e) {
      throw new IOException("Pebble did not start: " + e.getMessage(), e);
    }
  }

  private static String describe(RenewalResult result) {
    return result instanceof RenewalResult.Issued issued
        ? "serial " + issued.credential().certificate().getSerialNumber().toString(16)
        : result.toString();
  }
}
