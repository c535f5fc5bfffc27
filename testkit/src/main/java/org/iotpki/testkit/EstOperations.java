// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.security.auth.x500.X500Principal;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.CertsOnly;
import org.iotpki.core.validation.ChainResult;
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The five EST operations, with authentication and request checks: the server's normal answers. */
final class EstOperations {
  private static final Logger LOG = LoggerFactory.getLogger(EstServer.class);

  /** The largest request body read; a PKCS#10 request is a few kilobytes even with ML-DSA. */
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  private static final String SUBJECT_ALT_NAME_OID = "2.5.29.17";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TestCa ca;
  private final byte[] basicCredentials;
  private final Optional<byte[]> csrAttributes;
  private final boolean lineBreaks;
  private final byte[] caCertificates;
  private final ChainValidator clientCertificates;

  EstOperations(
      TestCa ca, String username, char[] password, Optional<byte[]> csrAttributes, boolean lineBreaks) {
    this.ca = ca;
    this.basicCredentials = (username + ":" + new String(password)).getBytes(StandardCharsets.UTF_8);
    this.csrAttributes = csrAttributes;
    this.lineBreaks = lineBreaks;
    this.caCertificates = CertsOnly.encode(ca.chainToRoot());
    this.clientCertificates = ChainValidator.builder().trustAnchor(ca.root()).build();
  }

  /** The answer to {@code operation}, one of {@link EstHandler#METHODS}' keys. */
  EstAnswer answer(HttpExchange exchange, String operation) throws IOException {
    try {
      switch (operation) {
        case "cacerts":
          return base64(EstHandler.CACERTS_TYPE, caCertificates);
        case "csrattrs":
          return csrAttributes
              .map(der -> base64(EstHandler.CSRATTRS_TYPE, der))
              .orElseGet(() -> EstAnswer.empty(204));
        case "simpleenroll":
          return enroll(exchange);
        case "simplereenroll":
          return reenroll(exchange);
        case "serverkeygen":
          return serverKeyGeneration(exchange);
        default:
          throw new AssertionError(operation);
      }
    } catch (Refused refused) {
      return refused.answer;
    }
  }

  private EstAnswer enroll(HttpExchange exchange) throws IOException, Refused {
    authorize(exchange);
    CertificationRequest request = readRequest(exchange);
    return base64(EstAnswer.CERTS_ONLY, CertsOnly.encode(List.of(issue(request, request.publicKey()))));
  }

  /** RFC 7030 section 4.2.2: authenticated by the current certificate, for the same subject. */
  private EstAnswer reenroll(HttpExchange exchange) throws IOException, Refused {
    X509Certificate current =
        clientCertificate(exchange)
            .orElseThrow(() -> new Refused(EstAnswer.text(403,
                "simplereenroll needs a TLS client certificate issued by "
                    + ca.certificate().getSubjectX500Principal().getName())));
    CertificationRequest request = readRequest(exchange);
    X500Principal subject = current.getSubjectX500Principal();
    if (!request.subject().equals(subject)) {
      throw new Refused(EstAnswer.text(400, "the request's subject " + request.subject().getName()
          + " is not the current certificate's " + subject.getName() + " (RFC 7030 section 4.2.2)"));
    }
    return base64(EstAnswer.CERTS_ONLY, CertsOnly.encode(List.of(issue(request, request.publicKey()))));
  }

  /** RFC 7030 section 4.4.2: the key unencrypted as PKCS#8, then the certificate. */
  private EstAnswer serverKeyGeneration(HttpExchange exchange) throws IOException, Refused {
    authorize(exchange);
    CertificationRequest request = readRequest(exchange);
    KeyAlgorithm algorithm =
        KeyAlgorithm.of(request.publicKey())
            .orElseThrow(() -> new Refused(EstAnswer.text(400,
                "cannot generate a key like the request's " + KeyAlgorithm.describe(request.publicKey()))));
    KeyPair key = KeyPairs.generate(algorithm);
    X509Certificate certificate = issue(request, key.getPublic());
    byte[] randomBytes = new byte[12];
    RANDOM.nextBytes(randomBytes);
    return EstHandler.serverKeyGenerationAnswer(
        "iotpki-est-" + HexFormat.of().formatHex(randomBytes),
        EstBodies.base64(EstBodies.pkcs8(key.getPrivate()), lineBreaks),
        EstBodies.base64(CertsOnly.encode(List.of(certificate)), lineBreaks));
  }

  private EstAnswer base64(String contentType, byte[] der) {
    return EstAnswer.base64(contentType, EstBodies.base64(der, lineBreaks));
  }

  /** Passes a client with this CA's TLS certificate or the Basic credentials. */
  private void authorize(HttpExchange exchange) throws Refused {
    if (clientCertificate(exchange).isEmpty() && !basicAuthorized(exchange)) {
      throw new Refused(
          // No body: BouncyCastle's client fails on a 401 with one.
          EstAnswer.empty(401).with("WWW-Authenticate", "Basic realm=\"estrealm\""));
    }
  }

  private boolean basicAuthorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      byte[] given = Base64.getDecoder().decode(header.substring(6).trim());
      return MessageDigest.isEqual(given, basicCredentials);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The client's TLS certificate, if it sent one this CA issued that is valid now. (The TLS layer
   * only checked that it chains to the root or to a CA below it.)
   */
  private Optional<X509Certificate> clientCertificate(HttpExchange exchange) {
    if (!(exchange instanceof HttpsExchange)) {
      return Optional.empty();
    }
    Certificate[] peer;
    try {
      peer = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
    } catch (SSLPeerUnverifiedException noCertificate) {
      return Optional.empty();
    }
    if (peer.length == 0 || !(peer[0] instanceof X509Certificate)) {
      return Optional.empty();
    }
    X509Certificate leaf = (X509Certificate) peer[0];
    List<X509Certificate> path = new ArrayList<>();
    path.add(leaf);
    path.addAll(ca.chainToRoot().subList(0, ca.chainToRoot().size() - 1));
    ChainResult result = clientCertificates.validate(path);
    if (!result.isValid()) {
      LOG.debug("EST client certificate {} not accepted: {}", leaf.getSubjectX500Principal().getName(), result);
      return Optional.empty();
    }
    return Optional.of(leaf);
  }

  /** Reads and checks a base64 PKCS#10 request, its signature included. */
  private static CertificationRequest readRequest(HttpExchange exchange) throws IOException, Refused {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!EstBodies.mediaType(contentType).equals("application/pkcs10")) {
      throw new Refused(EstAnswer.text(415, "expected Content-Type application/pkcs10, not " + contentType));
    }
    byte[] body = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
    if (body.length > MAX_REQUEST_BYTES) {
      throw new Refused(EstAnswer.text(413, "a request body is at most " + MAX_REQUEST_BYTES + " bytes"));
    }
    byte[] der;
    try {
      der = EstBodies.decodeBase64(body);
    } catch (IllegalArgumentException e) {
      throw new Refused(EstAnswer.text(400, "the body is not base64: " + e.getMessage()));
    }
    if (der.length == 0) {
      throw new Refused(EstAnswer.text(400, "empty request body"));
    }
    CertificationRequest request;
    try {
      request = CertificationRequest.decode(der);
    } catch (PkiParseException e) {
      throw new Refused(EstAnswer.text(400, "not a PKCS#10 request: " + e.getMessage()));
    }
    SignatureResult proof = SignatureVerifier.bouncyCastle().verify(request);
    if (proof instanceof SignatureResult.Invalid) {
      SignatureResult.Invalid invalid = (SignatureResult.Invalid) proof;
      throw new Refused(EstAnswer.text(400, "the request's signature does not verify ("
          + invalid.reason() + "): " + invalid.message()));
    }
    return request;
  }

  /** A certificate for {@code key} with the request's subject and requested subjectAltName. */
  private X509Certificate issue(CertificationRequest request, PublicKey key) throws Refused {
    Optional<CertificateExtension> subjectAltName =
        request.requestedExtensions().stream()
            .filter(extension -> extension.oid().equals(SUBJECT_ALT_NAME_OID))
            .findFirst();
    try {
      return ca.issue(request.subject(), key, builder -> subjectAltName.map(builder::extension).orElse(builder));
    } catch (IllegalArgumentException e) {
      throw new Refused(EstAnswer.text(400, "cannot issue for this request: " + e.getMessage()));
    }
  }

  /** A request the server refuses, with the answer that says why. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient EstAnswer answer;

    Refused(EstAnswer answer) {
      super(null, null, false, false);
      this.answer = answer;
    }
  }
}
