// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.iotpki.core.cert.KeyUsage;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;

/**
 * A SCEP server (RFC 8894) on 127.0.0.1 over a {@link TestCa}, for tests of SCEP clients:
 * GetCACaps, GetCACert (an RSA RA certificate and the CA's chain to its root, as {@code
 * x-x509-ca-ra-cert}), and
 * PKIOperation by GET or POST: PKCSReq with a challenge password, RenewalReq signed with a
 * certificate of this CA, CertPoll, GetCert, and GetCRL (the CA's CRL, listing what {@link
 * #revoke} revoked). With {@link Builder#manualApproval()} requests stay
 * PENDING until {@link #approveAll()}. Faults are scripted one PKIOperation at a time.
 *
 * <pre>{@code
 * try (ScepServer scep = ScepServer.builder(issuingCa).challenge("otp".toCharArray()).start()) {
 *   ScepClient client = ScepClient.builder(scep.uri()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>Plain HTTP: SCEP messages are signed and encrypted themselves. Instances are thread-safe.
 */
public final class ScepServer implements AutoCloseable {
  /** The capabilities GetCACaps lists (DES3 too: the server decrypts it, and strongSwan asks). */
  public static final List<String> CAPABILITIES =
      List.of("POSTPKIOperation", "Renewal", "SHA-256", "AES", "DES3", "SCEPStandard");

  private final LoopbackServer server;
  private final ScepHandler handler;
  private final URI uri;

  private ScepServer(LoopbackServer server, ScepHandler handler) {
    this.server = server;
    this.handler = handler;
    this.uri = URI.create("http://127.0.0.1:" + server.port() + "/scep");
  }

  /** A builder for a server issuing with {@code issuingCa}. */
  public static Builder builder(TestCa issuingCa) {
    return new Builder(issuingCa);
  }

  /** The SCEP URI, {@code http://127.0.0.1:PORT/scep}. */
  public URI uri() {
    return uri;
  }

  /** The TCP port. */
  public int port() {
    return uri.getPort();
  }

  /** The RA certificate that decrypts requests and signs answers. */
  public X509Certificate raCertificate() {
    return handler.raCertificate();
  }

  /** Issues every request waiting for manual approval, at the requester's next CertPoll. */
  public void approveAll() {
    handler.approveAll();
  }

  /**
   * Every certificate issued. A request resent with a transaction ID already issued gets that
   * certificate again, not a second one (what a restarted client relies on).
   */
  public List<X509Certificate> issuedCertificates() {
    return handler.issued();
  }

  /** Lists {@code serial} in the CRL that GetCRL answers from now on. */
  public void revoke(java.math.BigInteger serial) {
    handler.revoke(java.util.Objects.requireNonNull(serial, "serial"));
  }

  /** Scripts faults: each PKIOperation takes the next one, in order. */
  public void enqueue(Fault... faults) {
    for (Fault fault : faults) {
      handler.enqueue(Objects.requireNonNull(fault, "fault"));
    }
  }

  /** The messageType of each PKIOperation served, and the pkiStatus answered ("-" for none). */
  public List<String> operations() {
    return handler.operations();
  }

  /** Stops the server at once, interrupting requests in progress. Closing again does nothing. */
  @Override
  public void close() {
    server.close();
  }

  /** A misbehaviour for one PKIOperation. */
  public enum Fault {
    /** HTTP 500 without a CertRep. */
    SERVER_ERROR,
    /** The connection closed without an answer. */
    DROP,
    /** A CertRep signed with a key that is not the RA's. */
    WRONG_SIGNER,
    /** A CertRep whose recipientNonce is not the request's senderNonce. */
    WRONG_NONCE,
    /** A CertRep for another transaction ID. */
    WRONG_TRANSACTION,
    /** A body that is not CMS at all. */
    GARBAGE
  }

  /** Configures a {@link ScepServer}. */
  public static final class Builder {
    private final TestCa issuingCa;
    private char[] challenge;
    private boolean manualApproval;
    private int port;

    private Builder(TestCa issuingCa) {
      this.issuingCa = Objects.requireNonNull(issuingCa, "issuingCa");
    }

    /** The challenge password PKCSReq must carry (default: none required). */
    public Builder challenge(char[] challenge) {
      Objects.requireNonNull(challenge, "challenge");
      if (challenge.length == 0) {
        throw new IllegalArgumentException("empty challenge");
      }
      this.challenge = challenge.clone();
      return this;
    }

    /** Answers PKCSReq and RenewalReq with PENDING until {@link ScepServer#approveAll()}. */
    public Builder manualApproval() {
      this.manualApproval = true;
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
    public ScepServer start() {
      KeyPair raKey = KeyPairs.generate(KeyAlgorithm.RSA_2048);
      X509Certificate ra = issuingCa.issue("CN=iotpki Test SCEP RA", raKey.getPublic(),
          b -> b.keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT));
      ScepHandler handler = new ScepHandler(issuingCa, ra, raKey.getPrivate(),
          challenge == null ? null : challenge.clone(), manualApproval);
      return new ScepServer(LoopbackServer.start(port, address -> HttpServer.create(address, 0),
          "/scep", handler, "iotpki-scep-server"), handler);
    }
  }
}
