// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import com.sun.net.httpserver.HttpsServer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An EST server (RFC 7030, with RFC 8951's clarifications) on 127.0.0.1 for tests of EST clients:
 * it issues with a {@link TestCa} and can be told to misbehave, one request at a time.
 *
 * <pre>{@code
 * TestCa issuing = TestCa.create().intermediate("CN=Test EST CA");
 * try (EstServer est = EstServer.builder(issuing).start()) {
 *   est.enqueue(EstServer.Fault.pending(Duration.ofSeconds(2)));   // the next request gets 202
 *   // a client trusting est.trustAnchor() enrolls at est.uri() as est.username()/est.password()
 * }
 * }</pre>
 *
 * <p>Operations, under {@code /.well-known/est/} and under {@code /.well-known/est/<label>/}:
 *
 * <ul>
 *   <li>{@code GET cacerts}: the issuing CA's chain up to the root, as a certs-only PKCS#7;
 *   <li>{@code POST simpleenroll}: a certificate for a base64 PKCS#10 request (its subject, key
 *       and requested subjectAltName), for a client that authenticates with HTTP Basic or with a
 *       TLS client certificate this CA issued;
 *   <li>{@code POST simplereenroll}: the same for a client that authenticates with its current
 *       certificate (TLS), requesting that certificate's subject;
 *   <li>{@code POST serverkeygen}: as simpleenroll, but for a new key the server generates, of the
 *       request key's type, returned unencrypted as PKCS#8 in a {@code multipart/mixed} answer;
 *   <li>{@code GET csrattrs}: the configured CSR attributes, or 204 when there are none.
 * </ul>
 *
 * <p>Bodies are base64 on one line (RFC 4648 section 4; in 64-character lines if the builder says
 * {@link Builder#base64LineBreaks()}), and carry {@code Content-Transfer-Encoding: base64}, which
 * BouncyCastle's client needs; every answer closes the connection, as BouncyCastle's client waits
 * for that; a 401 has no body, as BouncyCastle's client requires. Request
 * bodies are read with or without that header, ignoring white space and line breaks. Answers to
 * bad requests are plain text: 400 (malformed or unverifiable request), 401 (with {@code
 * WWW-Authenticate: Basic realm="estrealm"}), 403 (simplereenroll without this CA's certificate),
 * 404, 405, 413 and 415.
 *
 * <p>TLS 1.2 and 1.3 with an EC P-256 certificate for {@code localhost} and {@code 127.0.0.1}
 * issued by the CA; clients trust {@link #trustAnchor()}. Client certificates are requested, not
 * required. Requests are served on a pool of daemon threads, so a delayed one does not hold up
 * others. Instances are thread-safe.
 */
public final class EstServer implements AutoCloseable {
  /** The user name when the builder is given none. */
  public static final String DEFAULT_USERNAME = "estuser";

  /** The path every operation is under, with or without a label after it. */
  public static final String PATH_PREFIX = "/.well-known/est/";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final LoopbackServer server;
  private final EstHandler handler;
  private final URI uri;
  private final X509Certificate trustAnchor;
  private final String username;
  private final char[] password;

  private EstServer(
      LoopbackServer server,
      EstHandler handler,
      X509Certificate trustAnchor,
      String username,
      char[] password) {
    this.server = server;
    this.handler = handler;
    this.uri = URI.create("https://127.0.0.1:" + server.port() + PATH_PREFIX);
    this.trustAnchor = trustAnchor;
    this.username = username;
    this.password = password;
  }

  /** A builder for a server that issues with {@code issuingCa}. */
  public static Builder builder(TestCa issuingCa) {
    return new Builder(issuingCa);
  }

  /** The base URI, {@code https://127.0.0.1:PORT/.well-known/est/}, ending with a slash. */
  public URI uri() {
    return uri;
  }

  /**
   * The base URI with a label: {@code https://127.0.0.1:PORT/.well-known/est/LABEL/}.
   *
   * @throws IllegalArgumentException unless the label is letters, digits, '-', '.', '_' and '~'
   */
  public URI uri(String label) {
    EstHandler.checkLabel(label);
    return uri.resolve(label + "/");
  }

  /** The TCP port the server listens on. */
  public int port() {
    return uri.getPort();
  }

  /** The certificate a client trusts for TLS and for the CA certificates: the CA's root. */
  public X509Certificate trustAnchor() {
    return trustAnchor;
  }

  /** The HTTP Basic user name. */
  public String username() {
    return username;
  }

  /** A copy of the HTTP Basic password. */
  public char[] password() {
    return password.clone();
  }

  /**
   * Scripts faults: each request to an EST operation takes the next one, in order, until none is
   * left; requests for unknown paths or with the wrong method do not take one.
   */
  public void enqueue(Fault... faults) {
    for (Fault fault : faults) {
      handler.enqueue(Objects.requireNonNull(fault, "fault"));
    }
  }

  /** The requests served so far, oldest first. */
  public List<Request> requests() {
    return handler.requests();
  }

  /**
   * Stops listening, closes open connections and interrupts requests in progress (a delayed one
   * among them), then waits at most 5 seconds for their threads to end. Closing again does
   * nothing.
   */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "EstServer[" + uri + "]";
  }

  /**
   * One request the server answered.
   *
   * @param method the HTTP method
   * @param path the request path
   * @param label the label between {@code /.well-known/est/} and the operation, or empty
   * @param operation the operation ({@code cacerts}, {@code simpleenroll}, ...), or empty for a
   *     path that is none
   * @param status the HTTP status sent, or 0 when the connection was dropped without an answer
   */
  public record Request(String method, String path, String label, String operation, int status) {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(operation, "operation");
    }
  }

  /**
   * A misbehaviour for one request, in place of (or, for {@link Delay}, before) the normal answer.
   */
  public sealed interface Fault
      permits Fault.Pending,
          Fault.Status,
          Fault.Unavailable,
          Fault.Delay,
          Fault.Drop,
          Fault.Truncated,
          Fault.BadBase64,
          Fault.WrongContentType {

    /** 202 Accepted with {@code Retry-After} and an empty body: "ask again later". */
    static Fault pending(Duration retryAfter) {
      return new Pending(retryAfter);
    }

    /** An error status (400 to 599) with a plain-text body. */
    static Fault status(int code, String body) {
      return new Status(code, body);
    }

    /** 503 Service Unavailable with {@code Retry-After}. */
    static Fault unavailable(Duration retryAfter) {
      return new Unavailable(retryAfter);
    }

    /** Waits, then answers normally. */
    static Fault delay(Duration duration) {
      return new Delay(duration);
    }

    /**
     * Closes the connection without an answer. The JDK HttpClient sends a GET (an idempotent
     * request) again once when a connection closes before any byte of the answer: enqueue two
     * drops to make such a GET fail.
     */
    static Fault drop() {
      return new Drop();
    }

    /** Sends the normal answer's headers and half its body, then closes the connection. */
    static Fault truncated() {
      return new Truncated();
    }

    /** 200 with the operation's content type and a body that is not base64. */
    static Fault badBase64() {
      return new BadBase64();
    }

    /** 200 with {@code text/html} instead of the operation's content type. */
    static Fault wrongContentType() {
      return new WrongContentType();
    }

    /** See {@link Fault#pending(Duration)}; {@code Retry-After} is in whole seconds, rounded up. */
    record Pending(Duration retryAfter) implements Fault {
      public Pending {
        requireNotNegative(retryAfter, "retryAfter");
      }
    }

    /** See {@link Fault#status(int, String)}. */
    record Status(int code, String body) implements Fault {
      public Status {
        Objects.requireNonNull(body, "body");
        if (code < 400 || code > 599) {
          throw new IllegalArgumentException("not an error status (400 to 599): " + code);
        }
      }
    }

    /** See {@link Fault#unavailable(Duration)}; {@code Retry-After} in whole seconds, rounded up. */
    record Unavailable(Duration retryAfter) implements Fault {
      public Unavailable {
        requireNotNegative(retryAfter, "retryAfter");
      }
    }

    /** See {@link Fault#delay(Duration)}. */
    record Delay(Duration duration) implements Fault {
      public Delay {
        requireNotNegative(duration, "duration");
      }
    }

    /** See {@link Fault#drop()}. */
    record Drop() implements Fault {}

    /** See {@link Fault#truncated()}. */
    record Truncated() implements Fault {}

    /** See {@link Fault#badBase64()}. */
    record BadBase64() implements Fault {}

    /** See {@link Fault#wrongContentType()}. */
    record WrongContentType() implements Fault {}

    private static void requireNotNegative(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative()) {
        throw new IllegalArgumentException(name + " is negative: " + duration);
      }
    }
  }

  /** Configures an {@link EstServer}. */
  public static final class Builder {
    private final TestCa issuingCa;
    private String username = DEFAULT_USERNAME;
    private char[] password;
    private byte[] csrAttributes;
    private int port;
    private boolean lineBreaks;

    private Builder(TestCa issuingCa) {
      this.issuingCa = Objects.requireNonNull(issuingCa, "issuingCa");
    }

    /** The HTTP Basic credentials. Default: {@value #DEFAULT_USERNAME} and a random password. */
    public Builder credentials(String username, char[] password) {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.isEmpty() || username.indexOf(':') >= 0) {
        throw new IllegalArgumentException("a Basic user name is not empty and has no ':'");
      }
      if (password.length == 0) {
        throw new IllegalArgumentException("empty password");
      }
      this.username = username;
      this.password = password.clone();
      return this;
    }

    /**
     * The DER of the CsrAttrs (RFC 7030 section 4.5.2) that {@code csrattrs} serves. Default:
     * none, answered with 204.
     */
    public Builder csrAttributes(byte[] der) {
      Objects.requireNonNull(der, "der");
      if (der.length == 0) {
        throw new IllegalArgumentException("empty CsrAttrs");
      }
      this.csrAttributes = der.clone();
      return this;
    }

    /** The TCP port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = Loopback.port(port);
      return this;
    }

    /**
     * Sends base64 bodies in CRLF-terminated lines of 64 characters, as some servers do, instead
     * of on one line: for tests of a client's RFC 8951 tolerance. strongSwan's {@code pki --est}
     * (5.9.8) cannot read them.
     */
    public Builder base64LineBreaks() {
      this.lineBreaks = true;
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws UncheckedIOException if the port cannot be bound (a {@link java.net.BindException}
     *     as cause when it is in use)
     */
    public EstServer start() {
      char[] secret = password != null ? password : randomPassword();
      EstTls tls = EstTls.create(issuingCa);
      EstHandler handler =
          new EstHandler(
              new EstOperations(
                  issuingCa,
                  username,
                  secret,
                  Optional.ofNullable(csrAttributes).map(byte[]::clone),
                  lineBreaks));
      LoopbackServer server = LoopbackServer.start(port, address -> {
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(tls.configurator());
        return https;
      }, "/", handler, "iotpki-est-server");
      return new EstServer(server, handler, issuingCa.root(), username, secret);
    }

    private static char[] randomPassword() {
      byte[] bytes = new byte[12];
      RANDOM.nextBytes(bytes);
      return HexFormat.of().formatHex(bytes).toCharArray();
    }
  }
}
