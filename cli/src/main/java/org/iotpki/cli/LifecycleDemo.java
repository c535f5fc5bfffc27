// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.RetryPolicy;
import org.iotpki.core.lifecycle.FileCredentialStore;
import org.iotpki.core.lifecycle.RenewalAgent;
import org.iotpki.core.lifecycle.RenewalResult;
import org.iotpki.core.lifecycle.RenewalSchedule;
import org.iotpki.core.revocation.RevocationFilter;
import org.iotpki.est.EstClient;
import org.iotpki.scep.ScepClient;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.ScepServer;
import org.iotpki.testkit.TestCa;

/**
 * The device lifecycle part of {@code iotpki demo}: a renewal agent bootstraps through the
 * testkit SCEP server, renews through the testkit EST server, and a hub's revocation filter,
 * built from everything the CA issued, says the superseded certificate is revoked and the new
 * one is not.
 */
final class LifecycleDemo {
  private static final String CHALLENGE = "demo-factory-otp";
  private static final int OTHER_DEVICES = 10_000;

  private final StringBuilder report;

  LifecycleDemo(StringBuilder report) {
    this.report = report;
  }

  /** Runs the lifecycle with its store in {@code storeDirectory}; the demo step, or null. */
  Map<String, Object> run(TestCa issuing, Path storeDirectory) throws IOException {
    try (ScepServer scep = ScepServer.builder(issuing).challenge(CHALLENGE.toCharArray()).start();
        EstServer est = EstServer.builder(issuing).start();
        FileCredentialStore store = FileCredentialStore.open(storeDirectory)) {
      // Due at once, so that the demo's second pass renews the brand-new credential.
      RenewalAgent agent = RenewalAgent.builder()
          .store(store)
          .bootstrap(ScepClient.builder(scep.uri()).build(), EnrollmentRequest.builder()
              .subject("CN=sensor-0042,O=iotpki demo").generateKey(KeyAlgorithm.RSA_2048)
              .challengePassword(CHALLENGE.toCharArray()).build())
          .renewal(EstClient.builder(est.uri()).trustAnchors(List.of(est.trustAnchor())).build(),
              EnrollmentRequest.builder().subject("CN=sensor-0042,O=iotpki demo")
                  .generateKey(KeyAlgorithm.EC_P256).build())
          .schedule(RenewalSchedule.between(1e-9, 2e-9))
          .retryPolicy(RetryPolicy.builder().maxAttempts(2).deadline(Duration.ofSeconds(30))
              .build())
          .build();
      RenewalResult bootstrap = agent.runOnce();
      RenewalResult renewal = agent.runOnce();
      if (!(bootstrap instanceof RenewalResult.Issued first)
          || !(renewal instanceof RenewalResult.Issued second)) {
        report.append(String.format(Locale.ROOT, "%-12s UNEXPECTED: %s, then %s%n",
            "lifecycle:", bootstrap, renewal));
        return null;
      }
      X509Certificate old = first.credential().certificate();
      X509Certificate current = second.credential().certificate();
      return revocation(old, current, first.firstEnrollment() && !second.firstEnrollment(),
          storeDirectory);
    }
  }

  private Map<String, Object> revocation(X509Certificate old, X509Certificate current,
      boolean bootstrapThenRenewal, Path storeDirectory) {
    // The CA's issued set (from its audit trail): this device's two certificates and a fleet's.
    List<BigInteger> issued = new ArrayList<>(List.of(old.getSerialNumber(),
        current.getSerialNumber()));
    List<BigInteger> revoked = new ArrayList<>(List.of(old.getSerialNumber()));
    for (int i = 1; i <= OTHER_DEVICES; i++) {
      BigInteger serial = BigInteger.valueOf(i).shiftLeft(64).or(BigInteger.valueOf(i * 7919L));
      issued.add(serial);
      if (i % 100 == 0) {
        revoked.add(serial);
      }
    }
    RevocationFilter filter = RevocationFilter.build(issued, revoked);
    boolean oldRevoked = filter.isRevoked(old.getSerialNumber());
    boolean currentRevoked = filter.isRevoked(current.getSerialNumber());
    report.append(String.format(Locale.ROOT,
        "%-12s SCEP bootstrap: serial %s (%s)%n"
            + "%-12s EST renewal with it: serial %s (%s); store %s%n"
            + "%-12s hub filter over %d issued / %d revoked: %d bytes; old serial %s,"
            + " new serial %s%n",
        "lifecycle:", hex(old), old.getPublicKey().getAlgorithm(),
        "", hex(current), current.getPublicKey().getAlgorithm(), storeDirectory,
        "", issued.size(), revoked.size(), filter.encoded().length,
        oldRevoked ? "REVOKED" : "not revoked", currentRevoked ? "REVOKED" : "not revoked"));
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("step", "device lifecycle");
    step.put("bootstrapSerial", hex(old));
    step.put("renewedSerial", hex(current));
    step.put("filterBytes", filter.encoded().length);
    step.put("oldRevoked", oldRevoked);
    step.put("currentRevoked", currentRevoked);
    step.put("success", bootstrapThenRenewal && oldRevoked && !currentRevoked);
    return step;
  }

  private static String hex(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16);
  }
}
