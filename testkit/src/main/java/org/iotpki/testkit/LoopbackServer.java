// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP(S) server on 127.0.0.1 serving one handler on a pool of daemon threads (so a slow
 * request does not hold up others, and a forgotten server does not keep a test JVM alive): what
 * the testkit servers run on.
 */
final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Makes an unstarted server bound to an address: plain HTTP, or HTTPS with its TLS set. */
  @FunctionalInterface
  interface Binder {
    HttpServer bind(InetSocketAddress address) throws IOException;
  }

  private LoopbackServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds 127.0.0.1:{@code port} (0: a free port) and serves {@code handler} under {@code path}.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  static LoopbackServer start(int port, Binder binder, String path, HttpHandler handler,
      String threadName) {
    AtomicInteger count = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, threadName + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    HttpServer server;
    try {
      server = binder.bind(Loopback.address(port));
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(
          "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    server.setExecutor(executor);
    server.createContext(path, handler);
    server.start();
    return new LoopbackServer(server, executor);
  }

  /** Sends a whole answer: status, content type and body (none when empty). */
  static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The port it listens on. */
  int port() {
    return server.getAddress().getPort();
  }

  /**
   * Stops listening, closes open connections and interrupts requests in progress, then waits at
   * most 5 seconds for their threads to end. Closing again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
