// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.revocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;

/** Encodes OCSP requests (RFC 6960 4.1.1): one CertID, unsigned, with an optional nonce. */
final class OcspRequest {
  /** RFC 8954: 1 to 32 octets; 16 random ones make a collision negligible. */
  private static final int NONCE_BYTES = 16;

  private OcspRequest() {}

  /** A fresh nonce extension value: the DER of an OCTET STRING of random octets. */
  static byte[] newNonce(SecureRandom random) {
    byte[] octets = new byte[NONCE_BYTES];
    random.nextBytes(octets);
    try {
      return new DEROctetString(octets).getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The DER of a request for {@code id}, with {@code nonce} as the nonce extension's value if present. */
  static byte[] encode(OcspCertId id, Optional<byte[]> nonce) {
    CertID certId = new CertID(
        new AlgorithmIdentifier(new ASN1ObjectIdentifier(id.hashAlgorithmOid()), DERNull.INSTANCE),
        new DEROctetString(id.issuerNameHash()),
        new DEROctetString(id.issuerKeyHash()),
        new ASN1Integer(id.serial()));
    OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(new CertificateID(certId));
    nonce.ifPresent(value -> builder.setRequestExtensions(
        new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, value))));
    try {
      return builder.build().getEncoded();
    } catch (OCSPException | IOException e) {
      throw new IllegalStateException("cannot encode an OCSP request", e);
    }
  }
}
