// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.EnrollmentTransportException.Failure;
import org.iotpki.core.enroll.HttpResponse;
import org.iotpki.core.io.CertsOnly;
import org.iotpki.core.io.PkiReader;

/** Reads GetCACert answers (RFC 8894 section 4.2.1) into CA and RA roles. */
final class ScepResponses {
  private static final int KEY_ENCIPHERMENT = 2;
  private static final int DIGITAL_SIGNATURE = 0;

  private ScepResponses() {}

  static ScepCaCertificates caCertificates(HttpResponse response, URI uri)
      throws EnrollmentTransportException {
    String type = response.header("content-type").orElse("").split(";")[0].strip();
    try {
      if (type.equalsIgnoreCase("application/x-x509-ca-ra-cert")) {
        return roles(CertsOnly.decode(response.body()), uri);
      }
      // application/x-x509-ca-cert: one DER certificate (PEM tolerated).
      X509Certificate ca = PkiReader.defaults().readCertificate(response.body());
      return new ScepCaCertificates(ca, ca, ca, List.of(ca));
    } catch (PkiParseException e) {
      throw malformed(uri, "GetCACert: " + e.getMessage());
    }
  }

  private static ScepCaCertificates roles(List<X509Certificate> certificates, URI uri)
      throws EnrollmentTransportException {
    List<X509Certificate> ras = certificates.stream().filter(c -> c.getBasicConstraints() < 0)
        .toList();
    List<X509Certificate> cas = certificates.stream().filter(c -> c.getBasicConstraints() >= 0)
        .toList();
    // The issuing CA: the RAs' issuer, else the CA that issued no other CA in the set.
    Optional<X509Certificate> ca = ras.isEmpty()
        ? cas.stream().filter(c -> cas.stream().noneMatch(other -> other != c
            && other.getIssuerX500Principal().equals(c.getSubjectX500Principal())))
            .findFirst()
        : cas.stream().filter(c -> c.getSubjectX500Principal()
            .equals(ras.get(0).getIssuerX500Principal())).findFirst();
    if (ca.isEmpty()) {
      throw malformed(uri, "GetCACert: no issuing CA among " + certificates.size()
          + " certificates");
    }
    X509Certificate encryption = withUsage(ras, KEY_ENCIPHERMENT).orElse(ca.get());
    X509Certificate signing = withUsage(ras, DIGITAL_SIGNATURE).orElse(ca.get());
    return new ScepCaCertificates(ca.get(), encryption, signing, certificates);
  }

  private static Optional<X509Certificate> withUsage(List<X509Certificate> ras, int bit) {
    return ras.stream()
        .filter(c -> c.getKeyUsage() == null || c.getKeyUsage()[bit])
        .findFirst();
  }

  private static EnrollmentTransportException malformed(URI uri, String problem) {
    return new EnrollmentTransportException(Failure.MALFORMED_RESPONSE, true,
        uri + ": " + problem, null);
  }
}
