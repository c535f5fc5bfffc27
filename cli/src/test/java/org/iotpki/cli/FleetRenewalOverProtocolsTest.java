// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.iotpki.acme.AcmeEnrollmentClient;
import org.iotpki.acme.Http01Responder;
import org.iotpki.cmp.CmpClient;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.enroll.EnrollmentClient;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.RetryPolicy;
import org.iotpki.core.lifecycle.FileCredentialStore;
import org.iotpki.core.lifecycle.RenewalAgent;
import org.iotpki.core.lifecycle.RenewalResult;
import org.iotpki.core.lifecycle.RenewalSchedule;
import org.iotpki.core.testing.Pebble;
import org.iotpki.est.EstClient;
import org.iotpki.scep.ScepClient;
import org.iotpki.testkit.CmpServer;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.PebbleServer;
import org.iotpki.testkit.ScepServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One fleet renewal test over every enrollment protocol: a few devices, each with a {@link
 * RenewalAgent} and a {@link FileCredentialStore}, bootstrap and then renew; only the {@link
 * EnrollmentClient} (and the secret the protocol's first request carries) differs per protocol.
 *
 * <p>CMP runs against the testkit {@link CmpServer} (a bootstrap's ir with the shared secret, a
 * renewal's kur signed with the current credential): OpenSSL's CMP mock server answers every
 * request with one fixed certificate for one fixed key, while the agent makes a new key for every
 * enrollment.
 */
class FleetRenewalOverProtocolsTest {
  private static final int DEVICES = 3;
  private static final char[] CHALLENGE = "fleet-otp".toCharArray();

  @TempDir Path dir;

  /** A CA reached over one protocol. */
  enum Protocol { EST, SCEP, CMP, ACME }

  /** The protocol's client, what its first request needs, and the peer to stop afterwards. */
  private record Peer(EnrollmentClient client, UnaryOperator<EnrollmentRequest.Builder> bootstrap,
      AutoCloseable... resources) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      for (AutoCloseable resource : resources) {
        resource.close();
      }
    }
  }

  private Peer start(Protocol protocol) throws Exception {
    switch (protocol) {
      case EST: {
        EstServer est = EstServer.builder(TestCa.create()).start();
        return new Peer(EstClient.builder(est.uri()).trustAnchors(List.of(est.trustAnchor()))
            .build(), request -> request.httpCredentials(est.username(), est.password()), est);
      }
      case SCEP: {
        ScepServer scep = ScepServer.builder(TestCa.create()).challenge(CHALLENGE).start();
        return new Peer(ScepClient.builder(scep.uri()).build(),
            request -> request.challengePassword(CHALLENGE), scep);
      }
      case CMP: {
        TestCa ca = TestCa.create();
        CmpServer cmp = CmpServer.builder(ca).sharedSecret("fleet", CHALLENGE).start();
        return new Peer(CmpClient.builder(cmp.uri()).sharedSecret("fleet", CHALLENGE)
            .trustAnchors(List.of(ca.root())).build(), UnaryOperator.identity(), cmp);
      }
      default: {
        Pebble.require();
        PebbleServer pebble = PebbleServer.builder(dir.resolve("pebble")).alwaysValid().start();
        Http01Responder http01 = Http01Responder.start(new InetSocketAddress("127.0.0.1", 0));
        return new Peer(AcmeEnrollmentClient.builder(pebble.directory())
            .trustAnchors(List.of(pebble.tlsTrust()))
            .accountKey(KeyPairs.generate(KeyAlgorithm.EC_P256))
            .agreeToTermsOfService().responder(http01).build(),
            UnaryOperator.identity(), http01, pebble);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void devicesBootstrapThenRenew(Protocol protocol) throws Exception {
    try (Peer peer = start(protocol)) {
      for (int i = 0; i < DEVICES; i++) {
        String name = "device-" + i + ".fleet.iotpki.test";
        EnrollmentRequest request = EnrollmentRequest.builder().subject("CN=" + name)
            .subjectAltNames(GeneralName.dns(name)).generateKey(KeyAlgorithm.RSA_2048).build();
        try (FileCredentialStore store = FileCredentialStore.open(dir.resolve(name))) {
          RenewalAgent agent = RenewalAgent.builder()
              .store(store)
              .bootstrap(peer.client(), peer.bootstrap().apply(request.toBuilder()).build())
              .renewal(peer.client(), request)
              .schedule(RenewalSchedule.between(1e-12, 2e-12)) // due as soon as issued
              .retryPolicy(RetryPolicy.noRetries())
              .build();

          RenewalResult bootstrap = agent.runOnce();
          RenewalResult renewal = agent.runOnce();

          assertThat(bootstrap).as(protocol + " bootstrap of " + name)
              .isInstanceOfSatisfying(RenewalResult.Issued.class,
                  issued -> assertThat(issued.firstEnrollment()).isTrue());
          assertThat(renewal).as(protocol + " renewal of " + name)
              .isInstanceOfSatisfying(RenewalResult.Issued.class,
                  issued -> assertThat(issued.firstEnrollment()).isFalse());
          X509Certificate first = ((RenewalResult.Issued) bootstrap).credential().certificate();
          X509Certificate current = store.current().orElseThrow().certificate();
          assertThat(current).isEqualTo(((RenewalResult.Issued) renewal).credential().certificate());
          assertThat(current.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
          assertThat(current.getPublicKey()).isNotEqualTo(first.getPublicKey());
          assertThat(current.getSubjectX500Principal()).isEqualTo(first.getSubjectX500Principal());
        }
      }
    }
  }
}
