// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.crypto.Signer;

/** Lets BC's builders sign through an iotpki {@link Signer}, so any key (HSM too) can sign. */
public final class SignerAdapter implements ContentSigner {
  private final Signer signer;
  private final ByteArrayOutputStream content = new ByteArrayOutputStream(512);

  public SignerAdapter(Signer signer) {
    this.signer = signer;
  }

  /** The X.509 AlgorithmIdentifier of a signature algorithm, with its parameters as RFCs fix them. */
  public static AlgorithmIdentifier algorithmIdentifier(SignatureAlgorithm algorithm) {
    ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(algorithm.oid());
    return algorithm.hasNullParameters()
        ? new AlgorithmIdentifier(oid, DERNull.INSTANCE)
        : new AlgorithmIdentifier(oid);
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return algorithmIdentifier(signer.algorithm());
  }

  @Override
  public OutputStream getOutputStream() {
    return content;
  }

  @Override
  public byte[] getSignature() {
    try {
      return signer.sign(content.toByteArray());
    } catch (GeneralSecurityException e) {
      // Unwrapped again by the builders, which report GeneralSecurityException.
      throw new RuntimeOperatorException("signing failed: " + e.getMessage(), e);
    }
  }

  /** The signing failure behind a BC exception, if that is what it was. */
  public static GeneralSecurityException signingFailure(RuntimeOperatorException e) {
    return e.getCause() instanceof GeneralSecurityException
        ? (GeneralSecurityException) e.getCause()
        : new GeneralSecurityException(e.getMessage(), e);
  }
}
