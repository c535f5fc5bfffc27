// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est.internal;

import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.EnrollmentTransportException.Failure;
import org.iotpki.core.enroll.HttpResponse;
import org.iotpki.core.io.CertsOnly;
import org.iotpki.core.io.PkiReader;
import org.iotpki.est.CsrAttributes;

/**
 * Reads the bodies of successful EST responses. Every malformation, whatever the layer (base64,
 * DER, PKCS#7, multipart, media type), is an {@link EnrollmentTransportException} of kind {@link
 * Failure#MALFORMED_RESPONSE}.
 */
public final class EstResponses {
  private static final String PKCS7 = "application/pkcs7-mime";
  private static final String PKCS8 = "application/pkcs8";
  private static final String CSRATTRS = "application/csrattrs";

  private EstResponses() {}

  /** A private key and its certificate from {@code /serverkeygen}. */
  public record ServerKey(PrivateKey privateKey, PublicKey publicKey,
      List<X509Certificate> certificates) {}

  /** The certificates of a certs-only response ({@code /cacerts}, {@code /simpleenroll}). */
  public static List<X509Certificate> certificates(HttpResponse response, URI uri)
      throws EnrollmentTransportException {
    requireType(response.header("content-type").orElse(""), PKCS7, uri);
    return certsOnly(decode(response.body(), uri),
        uri);
  }

  /** The attributes of a {@code /csrattrs} response. */
  public static CsrAttributes csrAttributes(HttpResponse response, URI uri)
      throws EnrollmentTransportException {
    requireType(response.header("content-type").orElse(""), CSRATTRS, uri);
    byte[] der = decode(response.body(), uri);
    try {
      return CsrAttributes.decode(der);
    } catch (PkiParseException e) {
      throw malformed(uri, e.getMessage(), e);
    }
  }

  /**
   * The key and certificate of a {@code /serverkeygen} response: multipart/mixed with an
   * application/pkcs8 part and a certs-only part (RFC 7030 section 4.4.2).
   */
  public static ServerKey serverKey(HttpResponse response, URI uri)
      throws EnrollmentTransportException {
    String contentType = response.header("content-type").orElse("");
    requireType(contentType, "multipart/mixed", uri);
    List<Multipart.Part> parts;
    try {
      parts = Multipart.parse(contentType, response.body());
    } catch (IllegalArgumentException e) {
      throw malformed(uri, e.getMessage(), e);
    }
    PrivateKey key = null;
    List<X509Certificate> certificates = null;
    for (Multipart.Part part : parts) {
      byte[] body = decode(part.body(), uri);
      switch (part.mediaType()) {
        case PKCS8:
          key = privateKey(body, uri);
          break;
        case PKCS7:
          certificates = certsOnly(body, uri);
          break;
        default:
          throw malformed(uri, "unexpected part of type " + part.mediaType()
              + (part.mediaType().isEmpty() ? "(none)" : "")
              + "; an encrypted key (application/pkcs7-mime smime-type=server-generated-key) is"
              + " not supported", null);
      }
    }
    if (key == null || certificates == null) {
      throw malformed(uri, "a key part and a certificate part are both required", null);
    }
    List<X509Certificate> chain = certificates;
    PublicKey publicKey = matchingPublicKey(key, chain, uri);
    return new ServerKey(key, publicKey, chain);
  }

  /**
   * The certificates reordered with the one for {@code key} first.
   *
   * @throws EnrollmentTransportException if none is for that key
   */
  public static List<X509Certificate> leafFirst(
      List<X509Certificate> certificates, PublicKey key, URI uri)
      throws EnrollmentTransportException {
    List<X509Certificate> ordered = new ArrayList<>();
    for (X509Certificate certificate : certificates) {
      if (Arrays.equals(certificate.getPublicKey().getEncoded(), key.getEncoded())) {
        ordered.add(0, certificate);
      } else {
        ordered.add(certificate);
      }
    }
    if (ordered.isEmpty()
        || !Arrays.equals(ordered.get(0).getPublicKey().getEncoded(), key.getEncoded())) {
      throw malformed(uri, "no certificate in the response is for the requested key", null);
    }
    return List.copyOf(ordered);
  }

  private static PublicKey matchingPublicKey(
      PrivateKey key, List<X509Certificate> certificates, URI uri)
      throws EnrollmentTransportException {
    for (X509Certificate certificate : certificates) {
      try {
        Signer.forCertificate(certificate, key);
        return certificate.getPublicKey();
      } catch (IllegalArgumentException notThisOne) {
        // Try the next certificate: the response also carries CA certificates.
      }
    }
    throw malformed(uri, "no certificate in the response is for the generated key", null);
  }

  private static PrivateKey privateKey(byte[] der, URI uri) throws EnrollmentTransportException {
    try {
      return PkiReader.defaults().readPrivateKey(der);
    } catch (PkiParseException e) {
      throw malformed(uri, "the generated key: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> certsOnly(byte[] der, URI uri)
      throws EnrollmentTransportException {
    try {
      return CertsOnly.decode(der);
    } catch (PkiParseException e) {
      throw malformed(uri, e.getMessage(), e);
    }
  }

  private static byte[] decode(byte[] body, URI uri) throws EnrollmentTransportException {
    try {
      return EstBase64.decode(body);
    } catch (IllegalArgumentException e) {
      throw malformed(uri, e.getMessage(), e);
    }
  }

  private static void requireType(String contentType, String expected, URI uri)
      throws EnrollmentTransportException {
    String actual = Multipart.mediaType(contentType);
    if (!actual.equals(expected)) {
      throw malformed(uri, "content type " + (actual.isEmpty() ? "(none)" : actual)
          + ", expected " + expected, null);
    }
  }

  private static EnrollmentTransportException malformed(URI uri, String problem, Throwable cause) {
    return new EnrollmentTransportException(
        Failure.MALFORMED_RESPONSE, true, uri + ": " + problem, cause);
  }
}
