// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iotpki.testkit.EstServer.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes EST requests, applies the scripted faults, sends the answers and logs the requests. */
final class EstHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(EstServer.class);

  static final String CACERTS_TYPE = "application/pkcs7-mime";
  static final String CSRATTRS_TYPE = "application/csrattrs";

  /** The operations and the HTTP method of each. */
  static final Map<String, String> METHODS =
      Map.of(
          "cacerts", "GET",
          "csrattrs", "GET",
          "simpleenroll", "POST",
          "simplereenroll", "POST",
          "serverkeygen", "POST");

  private final EstOperations operations;
  private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final List<EstServer.Request> requests = new CopyOnWriteArrayList<>();

  EstHandler(EstOperations operations) {
    this.operations = operations;
  }

  /** A label is one path segment; this one only takes unreserved characters (RFC 3986). */
  static void checkLabel(String label) {
    if (!label.matches("[A-Za-z0-9._~-]+") || label.equals(".") || label.equals("..")) {
      throw new IllegalArgumentException("not an EST label: " + label);
    }
  }

  void enqueue(Fault fault) {
    faults.add(fault);
  }

  List<EstServer.Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Call call = new Call(exchange);
    try {
      String path = call.path;
      String rest = path.startsWith(EstServer.PATH_PREFIX) ? path.substring(EstServer.PATH_PREFIX.length()) : "";
      int slash = rest.indexOf('/');
      String operation = slash < 0 ? rest : rest.substring(slash + 1);
      String label = slash < 0 ? "" : rest.substring(0, slash);
      if (!METHODS.containsKey(operation) || (slash >= 0 && label.isEmpty())) {
        call.send(EstAnswer.text(404, "no EST operation at " + path));
        return;
      }
      call.label = label;
      call.operation = operation;
      String method = METHODS.get(operation);
      if (!method.equals(call.method)) {
        call.send(EstAnswer.text(405, operation + " takes " + method).with("Allow", method));
      } else {
        serve(call, faults.poll());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is closing: no answer
    } finally {
      call.record(0);
      // Without a response sent, or with bytes of the body missing, this closes the connection.
      exchange.close();
    }
  }

  /** Answers one operation, after a fault if there is one. */
  private void serve(Call call, Fault fault) throws IOException, InterruptedException {
    if (fault instanceof Fault.Delay) {
      Thread.sleep(((Fault.Delay) fault).duration().toMillis());
    } else if (fault instanceof Fault.Drop) {
      return;
    } else if (fault instanceof Fault.Pending) {
      call.send(EstAnswer.empty(202).with("Retry-After", seconds(((Fault.Pending) fault).retryAfter())));
      return;
    } else if (fault instanceof Fault.Status) {
      call.send(EstAnswer.text(((Fault.Status) fault).code(), ((Fault.Status) fault).body()));
      return;
    } else if (fault instanceof Fault.Unavailable) {
      call.send(EstAnswer.text(503, "the EST service is unavailable, try again later")
          .with("Retry-After", seconds(((Fault.Unavailable) fault).retryAfter())));
      return;
    } else if (fault instanceof Fault.BadBase64) {
      call.send(notBase64(call.operation));
      return;
    } else if (fault instanceof Fault.WrongContentType) {
      call.send(new EstAnswer(200, Map.of("Content-Type", "text/html; charset=utf-8"),
          "<html><body>Welcome to the captive portal</body></html>".getBytes(StandardCharsets.US_ASCII)));
      return;
    }
    EstAnswer answer;
    try {
      answer = operations.answer(call.exchange, call.operation);
    } catch (RuntimeException e) {
      LOG.warn("EST {} failed", call.operation, e);
      answer = EstAnswer.text(500, "the test EST server failed: " + e);
    }
    if (fault instanceof Fault.Truncated) {
      call.sendHalf(answer);
    } else {
      call.send(answer);
    }
  }

  /** The multipart/mixed answer of serverkeygen (RFC 7030 section 4.4.2). */
  static EstAnswer serverKeyGenerationAnswer(String boundary, byte[] privateKey, byte[] certificate) {
    byte[] body = EstBodies.multipart(
        boundary, new String[] {"application/pkcs8", EstAnswer.CERTS_ONLY}, new byte[][] {privateKey, certificate});
    return new EstAnswer(200, Map.of("Content-Type", "multipart/mixed; boundary=" + boundary), body);
  }

  /** 200 with the operation's content type and a body that is not base64. */
  private static EstAnswer notBase64(String operation) {
    byte[] garbage = "this is *not* base64!\r\n".getBytes(StandardCharsets.US_ASCII);
    switch (operation) {
      case "serverkeygen":
        return serverKeyGenerationAnswer("iotpki-est-bad", garbage, garbage);
      case "cacerts":
        return EstAnswer.base64(CACERTS_TYPE, garbage);
      case "csrattrs":
        return EstAnswer.base64(CSRATTRS_TYPE, garbage);
      default:
        return EstAnswer.base64(EstAnswer.CERTS_ONLY, garbage);
    }
  }

  /** Retry-After: whole seconds, rounded up. */
  private static String seconds(Duration duration) {
    return Long.toString(duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0));
  }

  /** One exchange: what the log records, and sending the answer. */
  private final class Call {
    final HttpExchange exchange;
    final String method;
    final String path;
    String label = "";
    String operation = "";
    private boolean recorded;

    Call(HttpExchange exchange) {
      this.exchange = exchange;
      this.method = exchange.getRequestMethod();
      this.path = exchange.getRequestURI().getPath();
    }

    /** Logs the request once; before the answer goes out, so that a client sees it logged. */
    void record(int status) {
      if (!recorded) {
        recorded = true;
        requests.add(new EstServer.Request(method, path, label, operation, status));
        LOG.debug("EST {} {} -> {}", method, path, status == 0 ? "dropped" : status);
      }
    }

    void send(EstAnswer answer) throws IOException {
      record(answer.status());
      exchange.getResponseHeaders().putAll(answer.multiValueHeaders());
      // One exchange per connection: BouncyCastle's client reads each answer to end of stream.
      exchange.getResponseHeaders().set("Connection", "close");
      if (answer.body().length == 0) {
        exchange.sendResponseHeaders(answer.status(), -1);
      } else {
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    }

    /** The headers with the full Content-Length, and half the body; the caller then closes. */
    void sendHalf(EstAnswer answer) throws IOException {
      if (answer.body().length == 0) {
        send(answer); // nothing to cut
        return;
      }
      record(answer.status());
      exchange.getResponseHeaders().putAll(answer.multiValueHeaders());
      exchange.sendResponseHeaders(answer.status(), answer.body().length);
      OutputStream out = exchange.getResponseBody();
      out.write(answer.body(), 0, answer.body().length / 2);
      out.flush();
    }
  }
}
