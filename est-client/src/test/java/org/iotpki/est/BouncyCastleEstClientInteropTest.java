// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.est.ESTService;
import org.bouncycastle.est.EnrollmentResponse;
import org.bouncycastle.est.HttpAuth;
import org.bouncycastle.est.jcajce.JsseESTServiceBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.EstServer.Fault;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BouncyCastle's own EST client (bcpkix {@code ESTService}), an implementation we did not write,
 * against the testkit EST server: CA certificates, enrollment with HTTP Basic (BC sends the
 * credentials only after a 401), a 202 it must poll, and re-enrollment over mutual TLS.
 */
class BouncyCastleEstClientInteropTest {
  private static final char[] PASSWORD = "bc-secret".toCharArray();
  private static TestCa issuing;
  private static EstServer server;

  @BeforeAll
  static void start() {
    issuing = TestCa.create().intermediate("CN=iotpki Test EST CA");
    server = EstServer.builder(issuing).credentials("bc", PASSWORD).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static X509TrustManager[] trust() throws Exception {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    anchors.setCertificateEntry("root", server.trustAnchor());
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(anchors);
    return new X509TrustManager[] {(X509TrustManager) factory.getTrustManagers()[0]};
  }

  private static JsseESTServiceBuilder bc() throws Exception {
    // BC takes host:port and adds /.well-known/est itself.
    return new JsseESTServiceBuilder("127.0.0.1:" + server.port(), trust()).withTimeout(10_000);
  }

  private static PKCS10CertificationRequest csr(String subject, KeyPair key) throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(new X500Principal(subject), key.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
  }

  private static X509Certificate only(EnrollmentResponse response) throws Exception {
    assertThat(response.isCompleted()).isTrue();
    X509CertificateHolder holder = (X509CertificateHolder)
        response.getStore().getMatches(null).iterator().next();
    return new JcaX509CertificateConverter().getCertificate(holder);
  }

  @Test
  void fetchesTheCaCertificates() throws Exception {
    ESTService est = bc().build();

    var store = est.getCACerts().getCertificateStore();

    assertThat(store.getMatches(null)).hasSize(2);
  }

  @Test
  void enrollsWithBasicAuthAndPollsA202() throws Exception {
    ESTService est = bc().build();
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    server.enqueue(Fault.pending(Duration.ofSeconds(1)));

    EnrollmentResponse response =
        est.simpleEnroll(false, csr("CN=bc-device", key), new HttpAuth("bc", PASSWORD));
    int polls = 0;
    while (!response.isCompleted() && polls++ < 5) {
      long wait = response.getNotBefore() - System.currentTimeMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
      response = est.simpleEnroll(response);
    }
    X509Certificate issued = only(response);

    assertThat(issued.getPublicKey()).isEqualTo(key.getPublic());
    assertThat(issued.getIssuerX500Principal()).isEqualTo(issuing.certificate().getSubjectX500Principal());
    assertThat(polls).isEqualTo(1);
  }

  @Test
  void reenrollsOverMutualTls() throws Exception {
    KeyPair oldKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    X509Certificate current = only(bc().build()
        .simpleEnroll(false, csr("CN=bc-renewing", oldKey), new HttpAuth("bc", PASSWORD)));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("device", oldKey.getPrivate(), PASSWORD,
        new Certificate[] {current, issuing.certificate()});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    KeyPair newKey = KeyPairs.generate(KeyAlgorithm.EC_P256);

    X509Certificate renewed = only(bc().withKeyManagers(keys.getKeyManagers()).build()
        .simpleEnroll(true, csr("CN=bc-renewing", newKey), null));

    assertThat(renewed.getPublicKey()).isEqualTo(newKey.getPublic());
    assertThat(server.requests()).anySatisfy(r -> {
      assertThat(r.operation()).isEqualTo("simplereenroll");
      assertThat(r.status()).isEqualTo(200);
    });
    assertThat(List.of(renewed.getSubjectX500Principal().getName())).containsExactly("CN=bc-renewing");
  }
}
