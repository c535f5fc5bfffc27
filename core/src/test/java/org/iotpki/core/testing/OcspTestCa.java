// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.testing;

import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.cert.KeyPurpose;
import org.iotpki.core.crypto.KeyAlgorithm;

/**
 * A CA with one good and one revoked device in the index of an {@link OpenSslOcspResponder}, and
 * device certificates whose authorityInfoAccess names the responder.
 */
public final class OcspTestCa {
  public static final BigInteger GOOD = BigInteger.valueOf(0x1001);
  public static final BigInteger REVOKED = BigInteger.valueOf(0x1002);
  public static final BigInteger NOT_IN_INDEX = BigInteger.valueOf(0x1003);
  public static final Instant REVOKED_AT = Instant.parse("2026-07-01T12:00:00Z");

  public final Issuer ca;

  public OcspTestCa() throws Exception {
    ca = Issuer.root("CN=iotpki OCSP test CA", KeyAlgorithm.EC_P256);
  }

  /** The index: GOOD valid, REVOKED revoked at REVOKED_AT for keyCompromise, NOT_IN_INDEX absent. */
  public String index() {
    Instant notAfter = ca.certificate().getNotAfter().toInstant();
    return OpenSslOcspResponder.valid(GOOD, notAfter, "/CN=good")
        + OpenSslOcspResponder.revoked(REVOKED, notAfter, REVOKED_AT, "keyCompromise", "/CN=revoked");
  }

  /** A device certificate with {@code serial} whose authorityInfoAccess names {@code responder}. */
  public X509Certificate device(BigInteger serial, URI responder) throws Exception {
    byte[] aia = new AuthorityInformationAccess(new AccessDescription(AccessDescription.id_ad_ocsp,
        new GeneralName(GeneralName.uniformResourceIdentifier, responder.toString()))).getEncoded(ASN1Encoding.DER);
    return ca.issue("CN=device-" + serial.toString(16), KeyAlgorithm.EC_P256, builder -> builder
        .serialNumber(serial)
        .extension(new CertificateExtension(Extension.authorityInfoAccess.getId(), false, aia))).certificate();
  }

  /** A delegated responder certificate of this CA, for OCSP signing or (wrongly) for TLS clients only. */
  public Issuer responder(boolean ocspSigning) throws Exception {
    return ca.issue("CN=iotpki OCSP responder", KeyAlgorithm.EC_P256,
        builder -> builder.extendedKeyUsage(ocspSigning ? KeyPurpose.OCSP_SIGNING : KeyPurpose.CLIENT_AUTH));
  }
}
