// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp.internal;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cmp.CMPObjectIdentifiers;
import org.bouncycastle.asn1.cmp.InfoTypeAndValue;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIHeader;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.cmp.GeneralPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessageBuilder;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.EnrollmentTransportException.Failure;
import org.iotpki.core.enroll.HttpRequest;
import org.iotpki.core.enroll.HttpResponse;
import org.iotpki.core.enroll.HttpTransport;

/**
 * One CMP transaction (RFC 4210 section 5.1.1): one transactionID, each request's fresh
 * senderNonce, each answer's senderNonce echoed as the next recipNonce; every answer checked for
 * its transaction, its recipNonce and its protection.
 */
public final class CmpTransaction {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CONTENT_TYPE = "application/pkixcmp";

  private final URI uri;
  private final HttpTransport transport;
  private final Duration timeout;
  private final Clock clock;
  private final Protection protection;
  private final GeneralName recipient;
  private final List<X509Certificate> trustAnchors;
  private final byte[] transactionId;
  private final boolean implicitConfirm;
  private byte[] recipNonce;

  /** The endpoint and checks the transaction's messages share. */
  public record Peer(URI uri, HttpTransport transport, Duration timeout, GeneralName recipient,
      List<X509Certificate> trustAnchors, Clock clock) {}

  private CmpTransaction(Peer peer, Protection protection, byte[] transactionId,
      byte[] recipNonce, boolean implicitConfirm) {
    this.uri = peer.uri();
    this.transport = peer.transport();
    this.timeout = peer.timeout();
    this.clock = peer.clock();
    this.recipient = peer.recipient();
    this.trustAnchors = peer.trustAnchors();
    this.protection = protection;
    this.transactionId = transactionId;
    this.recipNonce = recipNonce;
    this.implicitConfirm = implicitConfirm;
  }

  /** A new transaction with a random 128-bit ID. */
  public static CmpTransaction start(Peer peer, Protection protection, boolean implicitConfirm) {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return new CmpTransaction(peer, protection, id, null, implicitConfirm);
  }

  /** A transaction continued from its persisted ID and the server's last nonce. */
  public static CmpTransaction resume(Peer peer, Protection protection, byte[] transactionId,
      byte[] recipNonce) {
    return new CmpTransaction(peer, protection, transactionId.clone(), recipNonce.clone(), false);
  }

  public byte[] transactionId() {
    return transactionId.clone();
  }

  /** The server's last senderNonce, for the next request (and for a persisted state). */
  public byte[] recipNonce() {
    return recipNonce == null ? new byte[0] : recipNonce.clone();
  }

  /** An answer, checked; {@code verified} is false only for an error whose protection failed. */
  public record Answer(GeneralPKIMessage message, boolean verified, String protectionProblem) {
    public int type() {
      return message.getBody().getType();
    }

    public PKIBody body() {
      return message.getBody();
    }
  }

  /**
   * Sends one request of the transaction and returns the checked answer.
   *
   * @throws EnrollmentTransportException if the answer is not an answer to it, or its protection
   *     fails (except for an error message, which is returned unverified: a wrong shared secret
   *     makes the server's error unverifiable, and it must still read as a refusal)
   */
  public Answer exchange(PKIBody body) throws EnrollmentTransportException {
    byte[] senderNonce = new byte[16];
    RANDOM.nextBytes(senderNonce);
    ProtectedPKIMessageBuilder builder =
        new ProtectedPKIMessageBuilder(PKIHeader.CMP_2000, protection.sender(), recipient)
            .setTransactionID(transactionId)
            .setSenderNonce(senderNonce)
            .setMessageTime(new Date())
            .setBody(body);
    if (recipNonce != null) {
      builder.setRecipNonce(recipNonce);
    }
    if (implicitConfirm && isCertificateRequest(body.getType())) {
      builder.addGeneralInfo(
          new InfoTypeAndValue(CMPObjectIdentifiers.it_implicitConfirm, DERNull.INSTANCE));
    }
    byte[] request;
    try {
      request = protection.protect(builder).getEncoded(ASN1Encoding.DER);
    } catch (GeneralSecurityException e) {
      throw new EnrollmentTransportException(Failure.SIGNER, true,
          "cannot protect the CMP request: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("a PKIMessage built here does not encode", e);
    }
    HttpResponse response = transport.send(HttpRequest.post(uri,
        Map.of("Content-Type", CONTENT_TYPE), request, timeout));
    return check(response, senderNonce);
  }

  private Answer check(HttpResponse response, byte[] senderNonce)
      throws EnrollmentTransportException {
    GeneralPKIMessage message;
    try {
      message = new GeneralPKIMessage(response.body());
    } catch (IOException | RuntimeException e) {
      if (response.status() == 503) {
        throw new EnrollmentTransportException(Failure.UNAVAILABLE, true,
            response.retryAfter(clock.instant()).orElse(null),
            uri + " answered HTTP 503 without a CMP message", e);
      }
      if (response.status() != 200) {
        throw new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, false,
            uri + " answered HTTP " + response.status() + " without a CMP message", e);
      }
      throw malformed("not a PKIMessage: " + e.getMessage(), e);
    }
    PKIHeader header = message.getHeader();
    if (header.getTransactionID() == null
        || !MessageDigest.isEqual(header.getTransactionID().getOctets(), transactionId)) {
      throw malformed("the answer is for another transaction", null);
    }
    if (header.getRecipNonce() == null
        || !MessageDigest.isEqual(header.getRecipNonce().getOctets(), senderNonce)) {
      throw malformed("the answer's recipNonce is not the request's senderNonce", null);
    }
    if (header.getSenderNonce() != null) {
      recipNonce = header.getSenderNonce().getOctets();
    }
    boolean error = message.getBody().getType() == PKIBody.TYPE_ERROR;
    if (!message.hasProtection()) {
      if (error) {
        return new Answer(message, false, "the error message is not protected");
      }
      throw malformed("the answer is not protected", null);
    }
    ProtectedPKIMessage protectedMessage = new ProtectedPKIMessage(message);
    String problem;
    try {
      problem = protection.problem(protectedMessage, trustAnchors);
    } catch (RuntimeException e) {
      problem = "the answer's protection cannot be checked: " + e.getMessage();
    }
    if (problem != null && !error) {
      throw malformed(problem, null);
    }
    return new Answer(message, problem == null, problem);
  }

  private static boolean isCertificateRequest(int type) {
    return type == PKIBody.TYPE_INIT_REQ || type == PKIBody.TYPE_CERT_REQ
        || type == PKIBody.TYPE_KEY_UPDATE_REQ || type == PKIBody.TYPE_P10_CERT_REQ;
  }

  private EnrollmentTransportException malformed(String problem, Throwable cause) {
    return new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, false,
        uri + ": " + problem, cause);
  }
}
