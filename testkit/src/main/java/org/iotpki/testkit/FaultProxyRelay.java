// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.iotpki.testkit.FaultProxy.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One exchange of a {@link FaultProxy}: reads the request, relays it, and misbehaves. */
final class FaultProxyRelay {
  private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
  /** How long a socket read may block: bounds a client or server that stops mid-message. */
  private static final int READ_TIMEOUT_MILLIS = 10_000;
  /** How long a stalled exchange stays open at most, unless the proxy closes first. */
  private static final long STALL_SECONDS = 60;
  private static final byte[] NOT_TLS = "HTTP/1.1 400 this is not TLS\r\n\r\n"
      .getBytes(StandardCharsets.US_ASCII);

  private final URI upstream;
  private final String target;
  private final SSLContext serverTls;
  private final SSLContext clientTls;
  private final AtomicReference<RawHttp.Response> lastTargeted = new AtomicReference<>();

  FaultProxyRelay(URI upstream, String target, SSLContext serverTls, SSLContext clientTls) {
    this.upstream = upstream;
    this.target = target;
    this.serverTls = serverTls;
    this.clientTls = clientTls;
  }

  /** An SSL context that trusts only {@code anchor}, for the proxy's connection to the server. */
  static SSLContext trusting(X509Certificate anchor) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("anchor", anchor);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up the proxy's TLS to the server", e);
    }
  }

  /** Serves one connection; the caller closes {@code accepted}. */
  void serve(Socket accepted, Queue<Fault> faults, CountDownLatch closing, Set<Socket> open) {
    Socket client = accepted;
    try {
      accepted.setSoTimeout(READ_TIMEOUT_MILLIS);
      if (serverTls != null) {
        if (faults.peek() == Fault.NOT_TLS && faults.remove(Fault.NOT_TLS)) {
          LOG.debug("fault proxy: {} instead of a TLS handshake", Fault.NOT_TLS);
          send(accepted.getOutputStream(), NOT_TLS);
          return;
        }
        SSLSocket tls = (SSLSocket) serverTls.getSocketFactory()
            .createSocket(accepted, null, accepted.getPort(), true);
        tls.setUseClientMode(false);
        open.add(tls);
        client = tls;
      }
      InputStream in = new BufferedInputStream(client.getInputStream());
      RawHttp.Request request = RawHttp.readRequest(in);
      Fault fault = request.target().contains(target) ? faults.poll() : null;
      LOG.debug("fault proxy: {} -> {}", request.requestLine(), fault == null ? "relayed" : fault);
      answer(client.getOutputStream(), request, fault, closing);
    } catch (IOException e) {
      LOG.debug("fault proxy: exchange broken: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the proxy is closing
    } finally {
      open.remove(client);
    }
  }

  private void answer(OutputStream out, RawHttp.Request request, Fault fault,
      CountDownLatch closing) throws IOException, InterruptedException {
    if (fault == null) {
      RawHttp.Response response = relay(request);
      if (request.target().contains(target)) {
        lastTargeted.set(response);
      }
      send(out, response.encode());
      return;
    }
    switch (fault) {
      case NOT_TLS:
        send(out, RawHttp.Response.text(500, "NOT_TLS is a fault for an https proxy").encode());
        return;
      case SILENCE:
        closing.await(STALL_SECONDS, TimeUnit.SECONDS);
        return;
      case FORBIDDEN:
        send(out, RawHttp.Response.text(403, "scripted refusal").encode());
        return;
      case SERVER_ERROR:
        send(out, RawHttp.Response.text(500, "scripted failure").encode());
        return;
      case UNAVAILABLE:
        send(out, RawHttp.Response.text(503, "scripted unavailability")
            .with("Retry-After", Integer.toString(Fault.RETRY_AFTER_SECONDS)).encode());
        return;
      default:
        break;
    }
    RawHttp.Response response = relay(request);
    RawHttp.Response previous = lastTargeted.getAndSet(response);
    byte[] head = response.head();
    byte[] body = response.body();
    switch (fault) {
      case STALL_AFTER_HEADERS:
        send(out, head);
        closing.await(STALL_SECONDS, TimeUnit.SECONDS);
        return;
      case STALL_IN_BODY:
        send(out, head, half(body));
        closing.await(STALL_SECONDS, TimeUnit.SECONDS);
        return;
      case TRUNCATED:
        send(out, head, half(body));
        return;
      case GARBAGE_BODY:
        send(out, response.withBody(garbage(Math.max(body.length, 64))).encode());
        return;
      case REPLAY:
        send(out, previous != null ? previous.encode()
            : RawHttp.Response.text(500, "no earlier answer to replay").encode());
        return;
      default:
        throw new AssertionError("unhandled fault " + fault);
    }
  }

  /** Sends the request to the server on a new connection and reads its whole answer. */
  private RawHttp.Response relay(RawHttp.Request request) throws IOException {
    int port = upstream.getPort();
    try (Socket server = clientTls != null
        ? clientTls.getSocketFactory().createSocket(upstream.getHost(), port)
        : new Socket(upstream.getHost(), port)) {
      server.setSoTimeout(READ_TIMEOUT_MILLIS);
      send(server.getOutputStream(), request.encode());
      return RawHttp.readResponse(new BufferedInputStream(server.getInputStream()),
          request.isHead());
    }
  }

  private static byte[] half(byte[] body) {
    return java.util.Arrays.copyOf(body, body.length / 2);
  }

  /** Bytes that no protocol reads, the same in every run. */
  private static byte[] garbage(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  private static void send(OutputStream out, byte[]... parts) throws IOException {
    for (byte[] part : parts) {
      out.write(part);
    }
    out.flush();
  }
}
