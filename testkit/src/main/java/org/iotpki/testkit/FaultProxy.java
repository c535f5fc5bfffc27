// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * A misbehaving HTTP(S) proxy on 127.0.0.1 in front of a real server, for fault injection tests
 * of clients: it relays each request to the server and the answer back, except where a scripted
 * {@link Fault} says otherwise. One proxy serves any HTTP protocol (EST, SCEP, CMP over HTTP, ACME)
 * and works with any client, since it is addressed as the server itself.
 *
 * <pre>{@code
 * try (ScepServer scep = ScepServer.builder(ca).start();
 *     FaultProxy proxy = FaultProxy.builder(scep.uri()).target("PKIOperation").start()) {
 *   proxy.enqueue(FaultProxy.Fault.STALL_IN_BODY);   // the next PKIOperation's answer stalls
 *   ScepClient client = ScepClient.builder(proxy.uri()).timeout(Duration.ofMillis(500)).build();
 * }
 * }</pre>
 *
 * <p>Each connection carries one exchange: the proxy asks the server to close after its answer,
 * and answers the client with {@code Connection: close}. Faults are taken one at a time by the
 * requests whose target (path and query) contains {@link Builder#target(String)}; other requests
 * are relayed untouched. For an {@code https} server the proxy terminates TLS with a certificate
 * from a {@link TestCa} and speaks TLS to the server, trusting the anchor it is given. Instances
 * are thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final ExecutorService executor;
  private final FaultProxyRelay relay;
  private final URI uri;
  private final URI upstream;
  private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();

  private FaultProxy(ServerSocket listener, ExecutorService executor, FaultProxyRelay relay,
      URI upstream) {
    this.listener = listener;
    this.executor = executor;
    this.relay = relay;
    this.upstream = upstream;
    this.uri = withPort(upstream, listener.getLocalPort());
  }

  /** A builder for a proxy in front of the server at {@code upstream} (http or https). */
  public static Builder builder(URI upstream) {
    return new Builder(upstream);
  }

  /** The upstream URI with the proxy's port: what clients are pointed at instead. */
  public URI uri() {
    return uri;
  }

  /** The TCP port the proxy listens on. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Scripts faults, taken in order by the requests the proxy targets (see the class comment). */
  public void enqueue(Fault... faults) {
    for (Fault fault : faults) {
      this.faults.add(Objects.requireNonNull(fault, "fault"));
    }
  }

  /**
   * Stops listening and closes every connection, a stalled one among them. Closing again does
   * nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closing.countDown();
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    open.forEach(FaultProxy::closeQuietly);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[" + uri + " -> " + upstream + "]";
  }

  /**
   * A misbehaviour for one exchange. Apart from {@link #NOT_TLS}, each is taken by the next
   * targeted request, after the request was read in full.
   */
  public enum Fault {
    /** Bytes that are not TLS, instead of the handshake, on the next connection (https only). */
    NOT_TLS,
    /** Reads the request and never answers: a timeout waiting for the status line. */
    SILENCE,
    /** Relays the answer's status line and headers, then stalls: a timeout in the headers. */
    STALL_AFTER_HEADERS,
    /** Relays the headers and half the body, then stalls: a timeout in the body. */
    STALL_IN_BODY,
    /** Relays the headers and half the body, then closes the connection. */
    TRUNCATED,
    /** Answers 403 Forbidden itself, with a plain-text body; the server sees no request. */
    FORBIDDEN,
    /** Answers 500 Internal Server Error itself; the server sees no request. */
    SERVER_ERROR,
    /**
     * Answers 503 Service Unavailable with {@code Retry-After: }{@value #RETRY_AFTER_SECONDS}
     * itself; the server sees no request.
     */
    UNAVAILABLE,
    /** Relays the status and headers, with a body of the same length that is garbage. */
    GARBAGE_BODY,
    /**
     * Relays the request, but answers with the answer the server gave to the previous targeted
     * request (500 if there was none): a replayed response.
     */
    REPLAY;

    /** The Retry-After of {@link #UNAVAILABLE}, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 7;
  }

  /** Configures a {@link FaultProxy}. */
  public static final class Builder {
    private final URI upstream;
    private String target = "";
    private SSLContext serverTls;
    private SSLContext clientTls;

    private Builder(URI upstream) {
      Objects.requireNonNull(upstream, "upstream");
      if (!"http".equals(upstream.getScheme()) && !"https".equals(upstream.getScheme())
          || upstream.getHost() == null || upstream.getPort() < 0) {
        throw new IllegalArgumentException(
            "not an http(s) URI with a host and a port: " + upstream);
      }
      this.upstream = upstream;
    }

    /** The requests faults apply to: those whose path and query contain this (default: all). */
    public Builder target(String target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    /**
     * For an https server: presents a certificate for 127.0.0.1 and localhost issued by {@code
     * proxyCa} to clients, and trusts {@code upstreamAnchor} for the server's certificate.
     */
    public Builder tls(TestCa proxyCa, X509Certificate upstreamAnchor) {
      Objects.requireNonNull(proxyCa, "proxyCa");
      Objects.requireNonNull(upstreamAnchor, "upstreamAnchor");
      this.serverTls = EstTls.create(proxyCa).context();
      this.clientTls = FaultProxyRelay.trusting(upstreamAnchor);
      return this;
    }

    /**
     * Starts the proxy on a free port.
     *
     * @throws IllegalArgumentException for an https server without {@link #tls}
     * @throws UncheckedIOException if no port can be bound
     */
    public FaultProxy start() {
      boolean https = upstream.getScheme().equals("https");
      if (https != (serverTls != null)) {
        throw new IllegalArgumentException(https ? "an https server needs tls(...)"
            : "tls(...) is for an https server: " + upstream);
      }
      ServerSocket listener;
      try {
        listener = new ServerSocket(0, 50, Loopback.address());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on 127.0.0.1: " + e.getMessage(), e);
      }
      ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "iotpki-fault-proxy");
        thread.setDaemon(true);
        return thread;
      });
      FaultProxyRelay relay = new FaultProxyRelay(upstream, target, serverTls, clientTls);
      FaultProxy proxy = new FaultProxy(listener, executor, relay, upstream);
      executor.execute(proxy::accept);
      return proxy;
    }
  }

  private void accept() {
    while (!closed.get()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(socket);
      executor.execute(() -> {
        try {
          relay.serve(socket, faults, closing, open);
        } finally {
          open.remove(socket);
          closeQuietly(socket);
        }
      });
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }

  private static URI withPort(URI uri, int port) {
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), port, uri.getPath(), uri.getQuery(),
          null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot rewrite " + uri, e);
    }
  }
}
