// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.iotpki.core.internal.KeyIdentifiers;

/** The OCSP responder a certificate names in its authorityInfoAccess (RFC 5280 4.2.2.1). */
final class ResponderUrls {
  private ResponderUrls() {}

  /**
   * The first http(s) id-ad-ocsp location, if any.
   *
   * @throws IllegalArgumentException if the extension is malformed
   */
  static Optional<URI> of(X509Certificate certificate) {
    Optional<byte[]> value = KeyIdentifiers.extensionValue(certificate, Extension.authorityInfoAccess.getId());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      for (AccessDescription description : AuthorityInformationAccess.getInstance(value.get()).getAccessDescriptions()) {
        GeneralName location = description.getAccessLocation();
        if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
            && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
          URI uri = new URI(location.getName().toString());
          if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
            return Optional.of(uri);
          }
        }
      }
      return Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalArgumentException("malformed authorityInfoAccess: " + e.getMessage(), e);
    }
  }
}
