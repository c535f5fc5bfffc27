// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.keys.TokenKey;
import org.iotpki.core.keys.TokenKeys;
import org.iotpki.core.testing.SoftHsm;
import org.iotpki.core.testing.SuppressForbidden;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EST re-enrollment over mutual TLS with a client key that stays in a PKCS#11 token (SoftHSM2). */
class HsmClientKeyEstTest {
  private static TestCa issuing;
  private static EstServer server;

  @BeforeAll
  static void start() {
    issuing = TestCa.create().intermediate("CN=iotpki Test EST CA");
    server = EstServer.builder(issuing).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * JSSE looks for a Signature implementation for the client key among the installed providers
   * only; the token's provider is one once the application installs it, as here.
   */
  @Test
  @SuppressForbidden(reason = "the test is the application, which installs the token's provider for JSSE")
  void reenrollsOverMutualTlsWithATokenKeyOnceTheApplicationInstallsTheTokensProvider() throws Exception {
    TokenKeys token = SoftHsm.token().open();
    TokenKey key = token.generate("est-" + UUID.randomUUID(), KeyAlgorithm.EC_P256);
    X509Certificate current =
        issuing.issue("CN=gateway-hsm", key.certificate().getPublicKey(), UnaryOperator.identity());

    EnrollmentOutcome outcome;
    Security.addProvider(token.provider());
    try {
      outcome = renewWithTheSameKey(key, current);
    } finally {
      Security.removeProvider(token.provider().getName());
    }

    assertThat(outcome).isInstanceOfSatisfying(EnrollmentOutcome.Issued.class, issued ->
        assertThat(issued.certificate().getPublicKey()).isEqualTo(current.getPublicKey()));
    assertThat(server.requests()).anySatisfy(r -> {
      assertThat(r.operation()).isEqualTo("simplereenroll");
      assertThat(r.status()).isEqualTo(200);
    });
  }

  /** What the README and TokenKeys say: without the provider installed, the TLS handshake fails. */
  @Test
  void withoutTheTokensProviderInstalledTheTlsHandshakeCannotSign() throws Exception {
    TokenKeys token = SoftHsm.token().open();
    TokenKey key = token.generate("est-" + UUID.randomUUID(), KeyAlgorithm.EC_P256);
    X509Certificate current =
        issuing.issue("CN=gateway-hsm", key.certificate().getPublicKey(), UnaryOperator.identity());

    assertThatThrownBy(() -> renewWithTheSameKey(key, current))
        .isInstanceOf(EnrollmentTransportException.class)
        .hasMessageContaining("TLS");
  }

  private static EnrollmentOutcome renewWithTheSameKey(TokenKey key, X509Certificate current)
      throws EnrollmentTransportException {
    Credential credential = key.credential(List.of(current, issuing.certificate()));
    EnrollmentRequest sameKey = EnrollmentRequest.builder()
        .subject(current.getSubjectX500Principal())
        .key(key.signer())
        .build();
    return EstClient.builder(server.uri())
        .trustAnchors(List.of(server.trustAnchor()))
        .build()
        .renew(credential, sameKey);
  }
}
