// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.cmp.CMPObjectIdentifiers;
import org.bouncycastle.asn1.cmp.InfoTypeAndValue;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIHeader;
import org.bouncycastle.asn1.cmp.PKIMessage;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.cmp.GeneralPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessageBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves CMP over HTTP (RFC 6712): reads a PKIMessage, checks its protection and header, lets
 * {@link CmpOperations} answer the body, and protects the answer. Every refusal is an error
 * message, never a bare HTTP error, so that clients can tell what was wrong.
 */
final class CmpHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CmpServer.class);
  private static final int MAX_MESSAGE_BYTES = 256 * 1024;
  private static final String CONTENT_TYPE = "application/pkixcmp";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Body names by PKIBody type (RFC 4210 section 5.1.2), for {@link CmpServer#operations()}. */
  private static final List<String> BODY_NAMES = List.of("ir", "ip", "cr", "cp", "p10cr",
      "popdecc", "popdecr", "kur", "kup", "krr", "krp", "rr", "rp", "ccr", "ccp", "ckuann",
      "cann", "rann", "crlann", "pkiconf", "nested", "genm", "genp", "error", "certConf",
      "pollReq", "pollRep");

  /** When certificate requests wait: for approval, and for a number of pollReqs. */
  record Waiting(boolean manualApproval, int pollCount, long checkAfterSeconds) {}

  private final CmpProtection protection;
  private final CmpOperations operations;
  private final Queue<CmpServer.Fault> faults = new ConcurrentLinkedQueue<>();
  private final List<String> served = new CopyOnWriteArrayList<>();

  CmpHandler(TestCa ca, CmpProtection protection, Waiting waiting,
      List<java.security.cert.X509Certificate> rootUpdate) {
    this.protection = protection;
    this.operations = new CmpOperations(ca, waiting, rootUpdate);
  }

  java.security.cert.X509Certificate serverCertificate() {
    return protection.serverCertificate();
  }

  void approveAll() {
    operations.approveAll();
  }

  List<java.security.cert.X509Certificate> issued() {
    return operations.issued();
  }

  List<BigInteger> revoked() {
    return operations.revoked();
  }

  void enqueue(CmpServer.Fault fault) {
    faults.add(fault);
  }

  List<String> operations() {
    return List.copyOf(served);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        LoopbackServer.send(exchange, 405, "text/plain", "CMP over HTTP is POST only".getBytes(
            StandardCharsets.US_ASCII));
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_MESSAGE_BYTES + 1);
      }
      CmpServer.Fault fault = faults.poll();
      if (fault == CmpServer.Fault.DROP) {
        served.add("dropped");
        return;
      }
      if (fault == CmpServer.Fault.SERVER_ERROR) {
        served.add("500");
        LoopbackServer.send(exchange, 500, "text/plain",
            "scripted failure".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      if (fault == CmpServer.Fault.GARBAGE) {
        served.add("garbage");
        LoopbackServer.send(exchange, 200, CONTENT_TYPE, "<html>not CMP</html>".getBytes(
            StandardCharsets.US_ASCII));
        return;
      }
      LoopbackServer.send(exchange, 200, CONTENT_TYPE, answer(body, fault).getEncoded());
    } catch (RuntimeException e) {
      LOG.debug("CMP request failed", e);
      LoopbackServer.send(exchange, 500, "text/plain", String.valueOf(e.getMessage())
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  private PKIMessage answer(byte[] body, CmpServer.Fault fault) {
    GeneralPKIMessage request;
    try {
      if (body.length > MAX_MESSAGE_BYTES) {
        throw CmpRefusal.badDataFormat("a PKIMessage over " + MAX_MESSAGE_BYTES + " bytes");
      }
      request = parse(body);
    } catch (CmpRefusal refusal) {
      served.add("?:" + refusal.failInfoName());
      PKIHeader none = new PKIHeader(PKIHeader.CMP_2000, new GeneralName(new X500Name("")),
          new GeneralName(new X500Name("")));
      return reply(none, null, CmpOperations.error(refusal), false, fault);
    }
    PKIHeader header = request.getHeader();
    String name = name(request.getBody().getType());
    CmpProtection.Verified verified = null;
    CmpOperations.Answer answer;
    try {
      checkHeader(header);
      verified = protection.check(request);
      answer = operations.answer(request, verified);
    } catch (CmpRefusal refusal) {
      served.add(name + ":" + refusal.failInfoName());
      return reply(header, verified, CmpOperations.error(refusal), false, fault);
    }
    served.add(name + ":" + answer.outcome());
    return reply(header, verified, answer.body(), answer.implicitConfirm(), fault);
  }

  private static GeneralPKIMessage parse(byte[] body) throws CmpRefusal {
    try {
      GeneralPKIMessage message = new GeneralPKIMessage(body);
      message.getHeader().getTransactionID(); // fails here, not later, on a wrong structure
      return message;
    } catch (IOException | RuntimeException e) {
      throw CmpRefusal.badDataFormat("not a PKIMessage: " + e.getMessage());
    }
  }

  private static void checkHeader(PKIHeader header) throws CmpRefusal {
    int pvno = header.getPvno().intValueExact();
    if (pvno != PKIHeader.CMP_2000 && pvno != PKIHeader.CMP_2021) {
      throw CmpRefusal.badRequest("unsupported pvno " + pvno);
    }
    if (header.getTransactionID() == null || header.getTransactionID().getOctets().length < 16) {
      throw CmpRefusal.badRequest("transactionID missing or shorter than 128 bits");
    }
    if (header.getSenderNonce() == null || header.getSenderNonce().getOctets().length < 16) {
      throw CmpRefusal.badRequest("senderNonce missing or shorter than 128 bits");
    }
  }

  /** An answer to {@code request}'s header, protected as the request was. */
  private PKIMessage reply(PKIHeader request, CmpProtection.Verified verified, PKIBody body,
      boolean implicitConfirm, CmpServer.Fault fault) {
    ProtectedPKIMessageBuilder builder = new ProtectedPKIMessageBuilder(
        request.getPvno().intValueExact(), protection.serverName(), request.getSender());
    byte[] transactionId = request.getTransactionID() == null ? new byte[0]
        : request.getTransactionID().getOctets();
    if (fault == CmpServer.Fault.WRONG_TRANSACTION) {
      transactionId = random(Math.max(16, transactionId.length));
    }
    builder.setTransactionID(transactionId);
    builder.setSenderNonce(random(16));
    if (request.getSenderNonce() != null) {
      byte[] nonce = request.getSenderNonce().getOctets();
      builder.setRecipNonce(fault == CmpServer.Fault.WRONG_NONCE ? random(nonce.length) : nonce);
    }
    builder.setMessageTime(new Date());
    if (implicitConfirm) {
      builder.addGeneralInfo(new InfoTypeAndValue(CMPObjectIdentifiers.it_implicitConfirm));
    }
    builder.setBody(body);
    return protection.protect(builder, verified, fault == CmpServer.Fault.WRONG_SIGNER);
  }

  private static String name(int type) {
    return type >= 0 && type < BODY_NAMES.size() ? BODY_NAMES.get(type) : "type" + type;
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }


}
