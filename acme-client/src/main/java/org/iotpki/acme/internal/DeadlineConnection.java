// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.acme.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLSession;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.connector.DefaultConnection;
import org.shredzone.acme4j.connector.HttpConnector;

/**
 * acme4j's connection with every answer read in full within the network timeout. acme4j reads
 * bodies as a stream, which the JDK's request timeout (up to the headers) does not cover: a
 * server that stalls after its headers would hold the client forever. Also turns an HTTP 503
 * into a {@link ServiceUnavailable} with its Retry-After, which acme4j would report as an
 * unreadable answer.
 */
final class DeadlineConnection extends DefaultConnection {
  /** Bounds an answer's body: far above any ACME answer (a certificate chain is a few KiB). */
  private static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final Executor READERS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "iotpki-acme-body");
    thread.setDaemon(true);
    return thread;
  });

  private final Duration timeout;

  DeadlineConnection(HttpConnector connector, Duration timeout) {
    super(connector);
    this.timeout = timeout;
  }

  /** An HTTP 503: the server is unavailable for now, and may say for how long. */
  static final class ServiceUnavailable extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    ServiceUnavailable(String message, Duration retryAfter) {
      super(message);
      this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }

  @Override
  protected void sendRequest(Session session, URL url, Consumer<HttpRequest.Builder> body)
      throws IOException {
    Instant start = Instant.now();
    super.sendRequest(session, url, body);
    HttpResponse<InputStream> response = lastResponse;
    Duration left = timeout.minus(Duration.between(start, Instant.now()));
    byte[] bytes = read(response.body(), left.isNegative() ? Duration.ofMillis(1) : left, url);
    if (response.statusCode() == 503) {
      Optional<Duration> wait = new org.iotpki.core.enroll.HttpResponse(503,
          response.headers().map(), new byte[0]).retryAfter(Instant.now());
      throw new ServiceUnavailable(url + " answered HTTP 503", wait.orElse(null));
    }
    lastResponse = new Buffered(response, bytes);
  }

  private static byte[] read(InputStream body, Duration within, URL url) throws IOException {
    CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> {
      try (body) {
        return body.readNBytes(MAX_BODY_BYTES + 1);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, READERS);
    byte[] bytes;
    try {
      bytes = reading.get(Math.max(1, within.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      body.close(); // ends the blocked read
      throw new HttpTimeoutException(url + ": no complete answer within the timeout");
    } catch (InterruptedException e) {
      body.close();
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted reading " + url);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause().getCause() != null ? e.getCause().getCause() : e.getCause();
      throw new IOException(url + ": the answer broke off: " + cause.getMessage(), cause);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new IOException(url + ": an answer over " + MAX_BODY_BYTES + " bytes");
    }
    return bytes;
  }

  /** The answer with its body already read. */
  private record Buffered(HttpResponse<InputStream> response, byte[] bytes)
      implements HttpResponse<InputStream> {
    @Override
    public int statusCode() {
      return response.statusCode();
    }

    @Override
    public HttpRequest request() {
      return response.request();
    }

    @Override
    public Optional<HttpResponse<InputStream>> previousResponse() {
      return response.previousResponse();
    }

    @Override
    public HttpHeaders headers() {
      return response.headers();
    }

    @Override
    public InputStream body() {
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return response.sslSession();
    }

    @Override
    public URI uri() {
      return response.uri();
    }

    @Override
    public HttpClient.Version version() {
      return response.version();
    }
  }
}
