// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.acme.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.shredzone.acme4j.connector.Connection;
import org.shredzone.acme4j.connector.HttpConnector;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * acme4j's provider for any ACME server, with the TLS trust given to the client instead of the
 * JVM's global default, and every answer read within the network timeout ({@link
 * DeadlineConnection}).
 */
public final class TrustingAcmeProvider extends GenericAcmeProvider {
  private final SSLContext tls;

  /** Connects with {@code tls}'s trust managers. */
  public TrustingAcmeProvider(SSLContext tls) {
    this.tls = Objects.requireNonNull(tls, "tls");
  }

  @Override
  public Connection connect(URI serverUri, NetworkSettings settings) {
    return new DeadlineConnection(createHttpConnector(settings), settings.getTimeout());
  }

  @Override
  protected HttpConnector createHttpConnector(NetworkSettings settings) {
    return new HttpConnector(settings) {
      @Override
      public HttpClient.Builder createClientBuilder() {
        return super.createClientBuilder().sslContext(tls);
      }
    };
  }
}
