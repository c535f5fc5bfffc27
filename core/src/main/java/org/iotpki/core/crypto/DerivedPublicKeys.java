// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey;
import org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.internal.Keys;
import org.iotpki.core.internal.MlDsaPrivateKeys;

/** Computes the public key of a private key. */
final class DerivedPublicKeys {
  private DerivedPublicKeys() {}

  static PublicKey of(PrivateKey key) {
    try {
      if (key instanceof RSAPrivateCrtKey rsa) {
        return KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      }
      if (key instanceof java.security.interfaces.ECPrivateKey) {
        ECPrivateKeyParameters ec = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key);
        ECDomainParameters domain = ec.getParameters();
        byte[] point = new FixedPointCombMultiplier().multiply(domain.getG(), ec.getD())
            .normalize().getEncoded(false);
        // The public key names its curve as the private key's encoding does.
        AlgorithmIdentifier algorithm =
            PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm();
        return Keys.publicKey(new SubjectPublicKeyInfo(algorithm, point).getEncoded(),
            ProviderStrategy.bouncyCastle(), 0);
      }
      if (key instanceof EdDSAPrivateKey eddsa) {
        return eddsa.getPublicKey();
      }
      if (key instanceof MLDSAPrivateKey mldsa) {
        return mldsa.getPublicKey();
      }
      if (key.getEncoded() != null && MlDsaPrivateKeys.isMlDsa(
          PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm().getAlgorithm().getId())) {
        return MlDsaPrivateKeys.asBouncyCastle(key).getPublicKey(); // a JDK 24+ key
      }
    } catch (GeneralSecurityException | IOException | PkiParseException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot derive the public key of this " + key.getAlgorithm() + " key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("cannot derive the public key of a " + key.getAlgorithm()
        + " key of " + key.getClass().getName() + "; use the public key of its certificate");
  }
}
