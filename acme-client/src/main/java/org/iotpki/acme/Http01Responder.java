// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.acme;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Answers http-01 challenges itself: a small HTTP server serving {@code
 * /.well-known/acme-challenge/TOKEN} while a challenge is deployed, and 404 for everything else.
 * The CA connects to port 80 of the identifier; bind this there, or to a port that port 80 is
 * forwarded to.
 *
 * <pre>{@code
 * try (Http01Responder http01 = Http01Responder.start(new InetSocketAddress(80))) {
 *   AcmeEnrollmentClient acme = AcmeEnrollmentClient.builder(directory)...responder(http01).build();
 * }
 * }</pre>
 */
public final class Http01Responder implements ChallengeResponder, AutoCloseable {
  private static final String PREFIX = "/.well-known/acme-challenge/";

  private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService executor;

  private Http01Responder(InetSocketAddress address) throws IOException {
    server = HttpServer.create(address, 16);
    executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "acme-http-01");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::answer);
    server.start();
  }

  /**
   * Starts serving on {@code address} (port 0 for any free port; {@link #port()} tells which).
   *
   * @throws IOException if the address cannot be bound
   */
  public static Http01Responder start(InetSocketAddress address) throws IOException {
    return new Http01Responder(Objects.requireNonNull(address, "address"));
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public String type() {
    return AcmeChallenge.HTTP_01;
  }

  @Override
  public void deploy(AcmeChallenge challenge) {
    requireHttp01(challenge);
    answers.put(challenge.token(), challenge.response().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public void remove(AcmeChallenge challenge) {
    requireHttp01(challenge);
    answers.remove(challenge.token());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body = "GET".equals(exchange.getRequestMethod()) && path.startsWith(PREFIX)
          ? answers.get(path.substring(PREFIX.length())) : null;
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void requireHttp01(AcmeChallenge challenge) {
    if (!challenge.type().equals(AcmeChallenge.HTTP_01)) {
      throw new IllegalArgumentException("not an http-01 challenge: " + challenge.type());
    }
  }

  @Override
  public String toString() {
    return "Http01Responder[" + server.getAddress() + "]";
  }
}
