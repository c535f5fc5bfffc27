// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;

/**
 * The EST server's TLS: an EC P-256 certificate for localhost from the issuing CA, TLS 1.2 and
 * 1.3, and client certificates requested (not required) and checked against the CA's chain.
 */
final class EstTls {
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final SSLContext context;

  private EstTls(SSLContext context) {
    this.context = context;
  }

  static EstTls create(TestCa issuingCa) {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    X509Certificate certificate =
        issuingCa.issue(
            "CN=localhost",
            key.getPublic(),
            builder ->
                builder.subjectAltNames(GeneralName.dns("localhost"), GeneralName.ip(Loopback.address())));
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    List<X509Certificate> caChain = issuingCa.chainToRoot();
    chain.addAll(caChain.subList(0, caChain.size() - 1));
    try {
      // The store only lives in memory; its password protects nothing.
      char[] storePassword = "in-memory".toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("tls", key.getPrivate(), storePassword, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, storePassword);

      // Any client certificate passes the handshake; the handler decides whether this CA issued
      // it and answers 401 or 403 over HTTP, which says more than a TLS alert.
      TrustManager[] trustManagers = {new AnyClientCertificate(caChain)};

      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers, new SecureRandom());
      return new EstTls(context);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up the EST server's TLS", e);
    }
  }

  /** The context itself, for a server that is not an {@code HttpsServer} (the fault proxy). */
  SSLContext context() {
    return context;
  }

  HttpsConfigurator configurator() {
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters parameters) {
        SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
        ssl.setProtocols(PROTOCOLS.clone());
        ssl.setWantClientAuth(true);
        parameters.setSSLParameters(ssl);
      }
    };
  }
}
