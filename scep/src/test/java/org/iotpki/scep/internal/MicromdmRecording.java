// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.scep.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.iotpki.core.io.PkiReader;

/** The recorded micromdm exchange of {@code vectors/micromdm/} (see its README). */
final class MicromdmRecording {
  private MicromdmRecording() {}

  static byte[] resource(String name) throws Exception {
    try (InputStream in = MicromdmRecording.class.getResourceAsStream("/vectors/micromdm/" + name)) {
      byte[] bytes = in.readAllBytes();
      return name.endsWith(".b64")
          ? Base64.getMimeDecoder().decode(new String(bytes, StandardCharsets.US_ASCII)) : bytes;
    }
  }

  static X509Certificate ca() throws Exception {
    return PkiReader.defaults().readCertificate(resource("test-ca-cert.pem"));
  }

  /** What an answer to a recorded request must match, as our client would expect it. */
  static CertRep.Expected expected(String requestFile, PrivateKey requesterKey) throws Exception {
    CMSSignedData request = new CMSSignedData(resource(requestFile));
    SignerInformation signer = request.getSignerInfos().getSigners().iterator().next();
    AttributeTable attributes = signer.getSignedAttributes();
    String transactionId = ((ASN1String) attributes.get(ScepOids.TRANSACTION_ID).getAttrValues()
        .getObjectAt(0)).getString();
    byte[] nonce = ((ASN1OctetString) attributes.get(ScepOids.SENDER_NONCE).getAttrValues()
        .getObjectAt(0)).getOctets();
    X509CertificateHolder holder = (X509CertificateHolder)
        request.getCertificates().getMatches(signer.getSID()).iterator().next();
    X509Certificate signerCertificate = new JcaX509CertificateConverter().getCertificate(holder);
    return new CertRep.Expected(transactionId, nonce, List.of(ca()), requesterKey,
        signerCertificate);
  }

  static PrivateKey requesterKey() throws Exception {
    return PkiReader.defaults().readPrivateKey(resource("test-client1-key-throwaway.pem"));
  }
}
