// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.iotpki.core.cert.KeyUsage;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;

/**
 * A CMP server (RFC 4210/9480, the Lightweight CMP profile of RFC 9483) on 127.0.0.1 over a
 * {@link TestCa}, for tests of CMP clients, OpenSSL's {@code openssl cmp} among them.
 *
 * <p>It issues for ir (PasswordBasedMac with the {@linkplain Builder#sharedSecret shared secret},
 * or a signature by a certificate of the CA), cr and kur (signed with a certificate of the CA; a
 * kur by the certificate it replaces) and p10cr; takes certConf and honours implicitConfirm;
 * revokes on rr; answers genm for caCerts, a root CA key update (none unless {@linkplain
 * Builder#rootCaKeyUpdate configured}) and certReqTemplate. With
 * {@link Builder#manualApproval()} or {@link Builder#pollCount} certificate requests are answered
 * "waiting" and then polled (pollReq/pollRep). Answers are protected as the request was: by MAC
 * with the same secret, else signed with {@link #serverCertificate()}. Faults are scripted one
 * request at a time.
 *
 * <pre>{@code
 * try (CmpServer cmp = CmpServer.builder(issuingCa).sharedSecret("ref", secret).start()) {
 *   CmpClient client = CmpClient.builder(cmp.uri()).sharedSecret("ref", secret).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>Plain HTTP ({@code application/pkixcmp}): CMP messages are protected themselves. Instances
 * are thread-safe.
 */
public final class CmpServer implements AutoCloseable {
  private final LoopbackServer server;
  private final CmpHandler handler;
  private final URI uri;

  private CmpServer(LoopbackServer server, CmpHandler handler) {
    this.server = server;
    this.handler = handler;
    this.uri = URI.create("http://127.0.0.1:" + server.port() + "/cmp");
  }

  /** A builder for a server issuing with {@code issuingCa}. */
  public static Builder builder(TestCa issuingCa) {
    return new Builder(issuingCa);
  }

  /** The CMP URI, {@code http://127.0.0.1:PORT/cmp}. */
  public URI uri() {
    return uri;
  }

  /** The TCP port. */
  public int port() {
    return uri.getPort();
  }

  /**
   * The certificate that signs answers to signed requests (issued by the CA; the CA's chain is in
   * every answer's extraCerts).
   */
  public X509Certificate serverCertificate() {
    return handler.serverCertificate();
  }

  /** Issues every certificate request waiting for manual approval, at its next pollReq. */
  public void approveAll() {
    handler.approveAll();
  }

  /**
   * Every certificate issued. A certificate its requester rejected in certConf is not kept: it is
   * dropped, as RFC 4210 section 5.3.18 asks.
   */
  public List<X509Certificate> issuedCertificates() {
    return handler.issued();
  }

  /** The serial numbers revoked by rr, in order. */
  public List<BigInteger> revokedSerials() {
    return handler.revoked();
  }

  /**
   * The body type of each request served and what was answered, such as {@code "ir:accepted"},
   * {@code "pollReq:waiting"}, {@code "certConf:accepted"} or {@code "ir:badMessageCheck"}.
   */
  public List<String> operations() {
    return handler.operations();
  }

  /** Scripts faults: each request takes the next one, in order. */
  public void enqueue(Fault... faults) {
    for (Fault fault : faults) {
      handler.enqueue(Objects.requireNonNull(fault, "fault"));
    }
  }

  /** Stops the server at once, interrupting requests in progress. Closing again does nothing. */
  @Override
  public void close() {
    server.close();
  }

  /** A misbehaviour for one request. */
  public enum Fault {
    /** HTTP 500 without a PKIMessage. */
    SERVER_ERROR,
    /** The connection closed without an answer. */
    DROP,
    /** An answer signed with a key that is not the server certificate's. */
    WRONG_SIGNER,
    /** An answer whose recipNonce is not the request's senderNonce. */
    WRONG_NONCE,
    /** An answer for another transactionID. */
    WRONG_TRANSACTION,
    /** A body that is not a PKIMessage at all. */
    GARBAGE
  }

  /** Configures a {@link CmpServer}. */
  public static final class Builder {
    private final TestCa issuingCa;
    private byte[] reference;
    private char[] secret;
    private boolean manualApproval;
    private int pollCount;
    private Duration checkAfter = Duration.ofSeconds(1);
    private int port;
    private List<X509Certificate> rootUpdate;

    private Builder(TestCa issuingCa) {
      this.issuingCa = Objects.requireNonNull(issuingCa, "issuingCa");
    }

    /**
     * Accepts requests MAC-protected (PasswordBasedMac) with {@code secret} under the reference
     * (senderKID) {@code reference}. Without it only signed requests are accepted.
     */
    public Builder sharedSecret(String reference, char[] secret) {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(secret, "secret");
      if (reference.isEmpty() || secret.length == 0) {
        throw new IllegalArgumentException("empty reference or secret");
      }
      this.reference = reference.getBytes(StandardCharsets.UTF_8);
      this.secret = secret.clone();
      return this;
    }

    /** Answers certificate requests "waiting" until {@link CmpServer#approveAll()}. */
    public Builder manualApproval() {
      this.manualApproval = true;
      return this;
    }

    /**
     * Answers each certificate request "waiting", then that many pollReqs with pollRep, before
     * issuing (as {@code openssl cmp -poll_count}). Default 0.
     */
    public Builder pollCount(int pollCount) {
      if (pollCount < 0) {
        throw new IllegalArgumentException("negative poll count: " + pollCount);
      }
      this.pollCount = pollCount;
      return this;
    }

    /** The checkAfter of every pollRep, in whole seconds (default 1 second). */
    public Builder checkAfter(Duration checkAfter) {
      Objects.requireNonNull(checkAfter, "checkAfter");
      if (checkAfter.isNegative()) {
        throw new IllegalArgumentException("negative checkAfter: " + checkAfter);
      }
      this.checkAfter = checkAfter;
      return this;
    }

    /**
     * Announces a root CA key update in genp (RFC 9483 section 4.3.2): the new root, its key
     * certified by the current root ({@code newWithOld}, see {@link TestCa#crossCertify}), and
     * optionally the old key certified by the new one (null for none). Without it the server
     * answers "no update".
     */
    public Builder rootCaKeyUpdate(X509Certificate newWithNew, X509Certificate newWithOld,
        X509Certificate oldWithNew) {
      Objects.requireNonNull(newWithNew, "newWithNew");
      Objects.requireNonNull(newWithOld, "newWithOld");
      this.rootUpdate = java.util.Arrays.asList(newWithNew, newWithOld, oldWithNew);
      return this;
    }

    /** The TCP port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = Loopback.port(port);
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public CmpServer start() {
      KeyPair serverKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
      X509Certificate serverCertificate = issuingCa.issue("CN=iotpki Test CMP Server",
          serverKey.getPublic(), b -> b.keyUsage(KeyUsage.DIGITAL_SIGNATURE));
      CmpProtection protection = new CmpProtection(issuingCa, serverCertificate,
          serverKey.getPrivate(), reference, secret == null ? null : secret.clone());
      CmpHandler handler = new CmpHandler(issuingCa, protection,
          new CmpHandler.Waiting(manualApproval, pollCount, checkAfter.toSeconds()), rootUpdate);
      return new CmpServer(LoopbackServer.start(port, address -> HttpServer.create(address, 0),
          "/cmp", handler, "iotpki-cmp-server"), handler);
    }
  }
}
