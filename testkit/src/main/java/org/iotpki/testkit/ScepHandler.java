// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.CertsOnly;
import org.iotpki.core.validation.SignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the SCEP operations: the HTTP side; {@link ScepMessages} does the CMS. */
final class ScepHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ScepServer.class);
  private static final int MAX_MESSAGE_BYTES = 256 * 1024;

  private final TestCa ca;
  private final X509Certificate ra;
  private final PrivateKey raKey;
  private final char[] challenge;
  private final boolean manualApproval;
  private final Queue<ScepServer.Fault> faults = new ConcurrentLinkedQueue<>();
  private final List<String> operations = new CopyOnWriteArrayList<>();
  /** Requests waiting for approval, by transaction ID; the value is the CSR. */
  private final Map<String, CertificationRequest> waiting = new ConcurrentHashMap<>();
  private final Map<String, X509Certificate> issued = new ConcurrentHashMap<>();
  private final Map<java.math.BigInteger, X509Certificate> bySerial = new ConcurrentHashMap<>();
  private final KeyPair impostor = KeyPairs.generate(KeyAlgorithm.RSA_2048);
  private final Map<java.math.BigInteger, Boolean> revoked = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong crlNumber =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean approveAll;

  ScepHandler(TestCa ca, X509Certificate ra, PrivateKey raKey, char[] challenge,
      boolean manualApproval) {
    this.ca = ca;
    this.ra = ra;
    this.raKey = raKey;
    this.challenge = challenge;
    this.manualApproval = manualApproval;
  }

  X509Certificate raCertificate() {
    return ra;
  }

  void approveAll() {
    approveAll = true;
  }

  List<X509Certificate> issued() {
    return List.copyOf(bySerial.values());
  }

  void revoke(java.math.BigInteger serial) {
    revoked.put(serial, Boolean.TRUE);
  }

  void enqueue(ScepServer.Fault fault) {
    faults.add(fault);
  }

  List<String> operations() {
    return List.copyOf(operations);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      String operation = parameter(query, "operation");
      switch (operation) {
        case "GetCACaps":
          LoopbackServer.send(exchange, 200, "text/plain",
              String.join("\n", ScepServer.CAPABILITIES).getBytes(StandardCharsets.US_ASCII));
          break;
        case "GetCACert":
          // The RA and the CA's chain up to its root, so that clients can anchor it.
          List<X509Certificate> certificates = new ArrayList<>();
          certificates.add(ra);
          certificates.addAll(ca.chainToRoot());
          LoopbackServer.send(exchange, 200, "application/x-x509-ca-ra-cert",
              CertsOnly.encode(certificates));
          break;
        case "PKIOperation":
          pkiOperation(exchange, query);
          break;
        default:
          LoopbackServer.send(exchange, 400, "text/plain",
              ("unknown operation " + operation).getBytes(StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      LOG.debug("SCEP request failed", e);
      LoopbackServer.send(exchange, 500, "text/plain", String.valueOf(e.getMessage())
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  private void pkiOperation(HttpExchange exchange, String query) throws IOException {
    byte[] message;
    if (exchange.getRequestMethod().equals("POST")) {
      try (InputStream in = exchange.getRequestBody()) {
        message = in.readNBytes(MAX_MESSAGE_BYTES);
      }
    } else {
      message = Base64.getMimeDecoder().decode(parameter(query, "message"));
    }
    ScepServer.Fault fault = faults.poll();
    if (fault == ScepServer.Fault.DROP) {
      operations.add("dropped");
      exchange.close();
      return;
    }
    if (fault == ScepServer.Fault.SERVER_ERROR) {
      operations.add("500");
      LoopbackServer.send(exchange, 500, "text/plain",
          "scripted failure".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (fault == ScepServer.Fault.GARBAGE) {
      operations.add("garbage");
      LoopbackServer.send(exchange, 200, "application/x-pki-message",
          "<html>not CMS</html>".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    ScepMessages.Request request = ScepMessages.read(message, ra, raKey);
    ScepMessages.Reply reply = answer(request);
    operations.add(request.messageType() + ":" + reply.status());
    String transactionId = fault == ScepServer.Fault.WRONG_TRANSACTION
        ? "another-" + request.transactionId() : request.transactionId();
    byte[] recipientNonce = request.senderNonce();
    if (fault == ScepServer.Fault.WRONG_NONCE) {
      recipientNonce = new byte[recipientNonce.length];
      new SecureRandom().nextBytes(recipientNonce);
    }
    KeyPair signer = fault == ScepServer.Fault.WRONG_SIGNER
        ? impostor : new KeyPair(ra.getPublicKey(), raKey);
    byte[] certRep = ScepMessages.certRep(reply, transactionId, recipientNonce,
        request.signerCertificate(), ra, signer);
    LoopbackServer.send(exchange, 200, "application/x-pki-message", certRep);
  }

  /** Whether {@code given} is the challenge, compared in constant time; {@code given} is wiped. */
  private boolean isChallenge(char[] given) {
    byte[] expected = utf8(challenge);
    byte[] actual = utf8(given);
    try {
      return MessageDigest.isEqual(expected, actual);
    } finally {
      Arrays.fill(expected, (byte) 0);
      Arrays.fill(actual, (byte) 0);
      Arrays.fill(given, '\0');
    }
  }

  private static byte[] utf8(char[] chars) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    Arrays.fill(encoded.array(), (byte) 0);
    return bytes;
  }

  private ScepMessages.Reply answer(ScepMessages.Request request) {
    switch (request.messageType()) {
      case "19": {
        CertificationRequest csr = request.csr();
        if (!verifies(csr)
            || !csr.publicKey().equals(request.signerCertificate().getPublicKey())) {
          return ScepMessages.Reply.failure(1);
        }
        if (challenge != null && !isChallenge(csr.challengePassword().orElse(new char[0]))) {
          return ScepMessages.Reply.failure(2);
        }
        return issueOrWait(request.transactionId(), csr);
      }
      case "17": {
        X509Certificate current = request.signerCertificate();
        if (!ca.issued(current) || !verifies(request.csr())) {
          return ScepMessages.Reply.failure(2);
        }
        return issueOrWait(request.transactionId(), request.csr());
      }
      case "20": {
        X509Certificate done = issued.get(request.transactionId());
        if (done != null) {
          return ScepMessages.Reply.success(done);
        }
        CertificationRequest csr = waiting.get(request.transactionId());
        if (csr == null) {
          return ScepMessages.Reply.failure(4);
        }
        return approveAll ? issue(request.transactionId(), csr) : ScepMessages.Reply.pending();
      }
      case "21": {
        X509Certificate found = bySerial.get(ScepMessages.serialOf(request.content()));
        return found == null ? ScepMessages.Reply.failure(4) : ScepMessages.Reply.success(found);
      }
      case "22": {
        // GetCRL names a certificate the CA issued; the answer is the CA's current CRL.
        if (!bySerial.containsKey(ScepMessages.serialOf(request.content()))) {
          return ScepMessages.Reply.failure(4);
        }
        return ScepMessages.Reply.success(ca.crl(revoked.keySet(),
            java.math.BigInteger.valueOf(crlNumber.incrementAndGet())));
      }
      default:
        return ScepMessages.Reply.failure(2);
    }
  }

  private ScepMessages.Reply issueOrWait(String transactionId, CertificationRequest csr) {
    X509Certificate done = issued.get(transactionId);
    if (done != null) {
      return ScepMessages.Reply.success(done); // a resent request whose answer was lost
    }
    if (manualApproval && !approveAll) {
      waiting.put(transactionId, csr);
      return ScepMessages.Reply.pending();
    }
    return issue(transactionId, csr);
  }

  private ScepMessages.Reply issue(String transactionId, CertificationRequest csr) {
    X509Certificate certificate = ca.issue(csr.subject(), csr.publicKey(), b -> b);
    waiting.remove(transactionId);
    issued.put(transactionId, certificate);
    bySerial.put(certificate.getSerialNumber(), certificate);
    return ScepMessages.Reply.success(certificate);
  }

  private static boolean verifies(CertificationRequest csr) {
    return SignatureVerifier.bouncyCastle().verify(csr).isValid();
  }

  private static String parameter(String query, String name) {
    if (query != null) {
      for (String pair : query.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).equals(name)) {
          return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.US_ASCII);
        }
      }
    }
    return "";
  }

}
