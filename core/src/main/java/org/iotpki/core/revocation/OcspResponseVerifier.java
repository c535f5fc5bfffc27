// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.iotpki.core.cert.KeyPurpose;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;

/**
 * Verifies a decoded OCSP response for one certificate (RFC 6960 3.2 and 4.2.2.2): the signer is
 * the issuer or a responder the issuer authorized with id-kp-OCSPSigning, the signature verifies,
 * the nonce is the request's, a single response names the certificate and is current. Only then
 * does its status count.
 */
final class OcspResponseVerifier {
  private final SignatureVerifier signatures;
  private final Duration maxClockSkew;

  OcspResponseVerifier(SignatureVerifier signatures, Duration maxClockSkew) {
    this.signatures = signatures;
    this.maxClockSkew = maxClockSkew;
  }

  /**
   * The status of {@code certificate} that {@code response} gives, or why it gives none.
   *
   * @param nonce the nonce extension value the request carried, if any
   */
  RevocationResult verify(
      OcspResponse response,
      X509Certificate certificate,
      X509Certificate issuer,
      Optional<byte[]> nonce,
      Instant time,
      RevocationSource source) {
    if (response.status() == OcspResponse.TRY_LATER || response.status() == OcspResponse.INTERNAL_ERROR) {
      return unknown(source, RevocationFailure.RESPONDER_UNREACHABLE,
          "the responder cannot answer now (OCSP status " + response.status() + ")");
    }
    if (response.body().isEmpty()) {
      return unknown(source, RevocationFailure.RESPONDER_ERROR, "the responder refused (OCSP status " + response.status() + ")");
    }
    OcspResponse.Body body = response.body().get();
    Optional<PublicKey> signer = signerKey(body, issuer, time);
    if (signer.isEmpty()) {
      return unknown(source, RevocationFailure.UNAUTHORIZED_RESPONDER,
          "signed by " + responderName(body) + ", neither the issuer "
              + issuer.getSubjectX500Principal().getName() + " nor a responder it authorized for OCSP signing");
    }
    SignatureResult signature =
        signatures.verify(body.signatureAlgorithmOid(), signer.get(), body.signedData(), body.signature());
    if (signature instanceof SignatureResult.Invalid) {
      return unknown(source, RevocationFailure.SIGNATURE_INVALID,
          "response signature: " + ((SignatureResult.Invalid) signature).message());
    }
    if (nonce.isPresent() && !(body.nonce().isPresent() && MessageDigest.isEqual(nonce.get(), body.nonce().get()))) {
      return unknown(source, RevocationFailure.NONCE_MISMATCH,
          body.nonce().isPresent() ? "the response carries another request's nonce" : "the response carries no nonce");
    }
    Optional<OcspSingleResponse> single = singleResponseFor(body.responses(), certificate, issuer);
    if (single.isEmpty()) {
      return unknown(source, RevocationFailure.NO_STATUS_FOR_CERTIFICATE,
          "no status for serial " + certificate.getSerialNumber().toString(16) + " in the response");
    }
    OcspSingleResponse status = single.get();
    Optional<String> stale = Freshness.problem(status.thisUpdate(), status.nextUpdate(), time, maxClockSkew);
    if (stale.isPresent()) {
      return unknown(source, RevocationFailure.NOT_FRESH, stale.get());
    }
    switch (status.status()) {
      case GOOD:
        return new RevocationResult.Good(source, status.nextUpdate());
      case REVOKED:
        return new RevocationResult.Revoked(source, status.revocationTime(), status.reason());
      default:
        return unknown(source, RevocationFailure.CERTIFICATE_STATUS_UNKNOWN,
            "the responder does not know serial " + certificate.getSerialNumber().toString(16));
    }
  }

  /** The issuer's key if the issuer signed, else the key of an authorized responder named by the response. */
  private Optional<PublicKey> signerKey(OcspResponse.Body body, X509Certificate issuer, Instant time) {
    if (isResponder(body, issuer)) {
      return Optional.of(issuer.getPublicKey());
    }
    return body.certificates().stream()
        .filter(candidate -> isResponder(body, candidate))
        .filter(candidate -> isAuthorizedBy(candidate, issuer, time))
        .map(X509Certificate::getPublicKey)
        .findFirst();
  }

  private static boolean isResponder(OcspResponse.Body body, X509Certificate certificate) {
    return body.responderName().map(certificate.getSubjectX500Principal()::equals).orElse(false)
        || body.responderKeyHash().map(hash -> Arrays.equals(hash, OcspCertId.keyHash(certificate))).orElse(false);
  }

  /** A delegated responder (RFC 6960 4.2.2.2): issued by the CA directly, for OCSP signing, valid now. */
  private boolean isAuthorizedBy(X509Certificate responder, X509Certificate issuer, Instant time) {
    try {
      List<String> purposes = responder.getExtendedKeyUsage();
      return responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
          && signatures.verify(responder, issuer.getPublicKey()).isValid()
          && purposes != null && purposes.contains(KeyPurpose.OCSP_SIGNING)
          && !time.isBefore(responder.getNotBefore().toInstant().minus(maxClockSkew))
          && !time.isAfter(responder.getNotAfter().toInstant().plus(maxClockSkew));
    } catch (CertificateParsingException malformedExtendedKeyUsage) {
      return false;
    }
  }

  private static Optional<OcspSingleResponse> singleResponseFor(
      List<OcspSingleResponse> responses, X509Certificate certificate, X509Certificate issuer) {
    for (OcspSingleResponse response : responses) {
      Optional<OcspCertId> expected = OcspCertId.of(certificate, issuer, response.certId().hashAlgorithmOid());
      if (expected.isPresent() && expected.get().matches(response.certId())) {
        return Optional.of(response);
      }
    }
    return Optional.empty();
  }

  private static String responderName(OcspResponse.Body body) {
    return body.responderName().map(name -> name.getName()).orElse("a responder named by key hash");
  }

  private static RevocationResult unknown(RevocationSource source, RevocationFailure failure, String message) {
    return new RevocationResult.Unknown(source, failure, message);
  }
}
