// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.enroll.EnrollmentTransportException.Failure;
import org.iotpki.core.internal.BoundedBody;
import org.iotpki.core.internal.Durations;
import org.iotpki.core.internal.FixedKeyManager;
import org.iotpki.core.internal.TlsTrust;

/**
 * The default {@link HttpTransport}: the JDK's {@link HttpClient} over HTTP/1.1, trusting only the
 * trust anchors it is given (RFC 7030's explicit trust anchor database), verifying the server's
 * host name, bounding the response body, and enforcing each request's timeout on the whole
 * exchange.
 *
 * <pre>{@code
 * HttpTransport transport = JdkHttpTransport.builder().trustAnchors(List.of(estCa)).build();
 * }</pre>
 */
public final class JdkHttpTransport implements HttpTransport {
  /** The default bound of a response body: 1 MiB, far above any enrollment response. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

  private static final int CLIENTS_KEPT = 8;

  private final TrustManager[] trustManagers;
  private final Duration connectTimeout;
  private final int maxResponseBytes;
  private final ProxySelector proxy;
  private final HttpClient anonymous;
  private final Map<Credential, HttpClient> authenticated =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Credential, HttpClient> eldest) {
          return size() > CLIENTS_KEPT;
        }
      };

  private JdkHttpTransport(Builder builder) {
    this.trustManagers = builder.trustManagers;
    this.connectTimeout = builder.connectTimeout;
    this.maxResponseBytes = builder.maxResponseBytes;
    this.proxy = builder.proxy;
    this.anonymous = client(null);
  }

  /** A builder; {@link Builder#trustAnchors} or {@link Builder#trustSystemCertificates} is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public HttpResponse send(HttpRequest request) throws EnrollmentTransportException {
    Objects.requireNonNull(request, "request");
    HttpClient client = request.clientCredential().map(this::clientFor).orElse(anonymous);
    java.net.http.HttpRequest.Builder jdk =
        java.net.http.HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
    request.headers().forEach(jdk::header);
    jdk.method(
        request.method(),
        request.method().equals("GET")
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()));
    CompletableFuture<java.net.http.HttpResponse<byte[]>> future =
        client.sendAsync(jdk.build(), info -> new BoundedBody(maxResponseBytes));
    boolean idempotent = request.method().equals("GET");
    try {
      java.net.http.HttpResponse<byte[]> response =
          future.get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return new HttpResponse(response.statusCode(), response.headers().map(), response.body());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new EnrollmentTransportException(
          Failure.TIMEOUT, idempotent, "no complete response within " + request.timeout(), e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new EnrollmentTransportException(
          Failure.INTERRUPTED, idempotent, "interrupted waiting for " + request, e);
    } catch (ExecutionException e) {
      throw failure(e.getCause(), request, idempotent);
    }
  }

  private EnrollmentTransportException failure(
      Throwable cause, HttpRequest request, boolean idempotent) {
    String where = request.method() + " " + request.uri() + ": ";
    if (cause instanceof HttpConnectTimeoutException) {
      return new EnrollmentTransportException(
          Failure.TIMEOUT, true, where + "no connection within " + connectTimeout, cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new EnrollmentTransportException(
          Failure.TIMEOUT, idempotent, where + "no response within " + request.timeout(), cause);
    }
    if (cause instanceof BoundedBody.TooLarge) {
      return new EnrollmentTransportException(
          Failure.MALFORMED_RESPONSE, idempotent, where + cause.getMessage(), cause);
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        // The handshake comes before the request: nothing was sent.
        return new EnrollmentTransportException(
            Failure.TLS, true, where + "TLS failed: " + t.getMessage(), cause);
      }
      if (t instanceof ConnectException) {
        return new EnrollmentTransportException(
            Failure.CONNECT, true, where + "cannot connect: " + t.getMessage(), cause);
      }
    }
    if (cause instanceof IOException) {
      return new EnrollmentTransportException(
          Failure.TRUNCATED, idempotent, where + "connection broken: " + cause.getMessage(), cause);
    }
    return new EnrollmentTransportException(
        Failure.TRUNCATED, idempotent, where + "request failed: " + cause, cause);
  }

  private HttpClient clientFor(Credential credential) {
    synchronized (authenticated) {
      return authenticated.computeIfAbsent(credential, this::client);
    }
  }

  private HttpClient client(Credential credential) {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      KeyManager[] keyManagers =
          credential == null ? null : new KeyManager[] {new FixedKeyManager(credential)};
      tls.init(keyManagers, trustManagers, null);
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .sslContext(tls);
      if (proxy != null) {
        builder.proxy(proxy);
      }
      return builder.build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no usable TLS", e);
    }
  }

  /** Configures a {@link JdkHttpTransport}. */
  public static final class Builder {
    private TrustManager[] trustManagers;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private ProxySelector proxy;

    private Builder() {}

    /**
     * Trusts servers whose certificate chains to one of these certificates, and no others.
     *
     * @throws IllegalArgumentException for an empty list
     */
    public Builder trustAnchors(List<X509Certificate> anchors) {
      this.trustManagers = TlsTrust.anchors(anchors);
      return this;
    }

    /**
     * Trusts the JDK's default CA certificates, as a browser would: the named opt-out from an
     * explicit trust anchor database.
     */
    public Builder trustSystemCertificates() {
      this.trustManagers = TlsTrust.system();
      return this;
    }

    /** How long connecting may take (default 10 seconds). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Durations.positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** The largest response body accepted (default {@value #DEFAULT_MAX_RESPONSE_BYTES}). */
    public Builder maxResponseBytes(int maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be positive");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Sends requests through these proxies (default: a direct connection). */
    public Builder proxy(ProxySelector proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /**
     * The transport.
     *
     * @throws IllegalArgumentException if no trust was configured
     */
    public JdkHttpTransport build() {
      if (trustManagers == null) {
        throw new IllegalArgumentException(
            "no trust configured: trustAnchors(...) or trustSystemCertificates()");
      }
      return new JdkHttpTransport(this);
    }
  }

  @Override
  public String toString() {
    return "JdkHttpTransport[connect " + connectTimeout + ", max " + maxResponseBytes + " bytes"
        + Optional.ofNullable(proxy).map(p -> ", proxy").orElse("") + "]";
  }
}
