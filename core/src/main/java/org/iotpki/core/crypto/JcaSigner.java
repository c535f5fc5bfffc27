// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.internal.Keys;
import org.iotpki.core.internal.SignatureEngines;

/** A {@link Signer} over a JCA private key; a fresh {@code Signature} per call keeps it thread-safe. */
final class JcaSigner implements Signer {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final SignatureAlgorithm algorithm;
  private final ProviderStrategy providers;
  private final SignatureContext context;

  JcaSigner(
      PrivateKey privateKey,
      PublicKey publicKey,
      SignatureAlgorithm algorithm,
      ProviderStrategy providers,
      SignatureContext context) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.providers = Objects.requireNonNull(providers, "providers");
    this.context = Objects.requireNonNull(context, "context");
    if (!algorithm.isCompatibleWith(publicKey)) {
      throw new IllegalArgumentException(
          algorithm + " cannot sign with a " + KeyAlgorithm.describe(publicKey) + " key");
    }
    if (!context.isEmpty() && !algorithm.keyFamily().isPostQuantum()) {
      throw new IllegalArgumentException(algorithm + " signatures take no context string");
    }
  }

  @Override
  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] data) throws GeneralSecurityException {
    Signature signature = SignatureEngines.signature(algorithm, context, providers);
    initSign(signature);
    SignatureEngines.applyContext(signature, context);
    signature.update(data);
    return signature.sign();
  }

  /**
   * Initializes with the key, or with the same key made by the signing provider when the key
   * object comes from another one (for example a JDK 25 ML-DSA key given to BouncyCastle).
   * Keys that cannot be exported (hardware) are never converted.
   */
  private void initSign(Signature signature) throws GeneralSecurityException {
    try {
      signature.initSign(privateKey);
    } catch (InvalidKeyException foreign) {
      byte[] encoded = privateKey.getEncoded();
      if (encoded == null || !"PKCS#8".equals(privateKey.getFormat())) {
        throw foreign;
      }
      try {
        PrivateKeyInfo info = Keys.withExpandedMlDsaKey(PrivateKeyInfo.getInstance(encoded), PkiParseException.UNKNOWN_OFFSET);
        // The key made by the provider that signs, whichever provider the strategy picks for keys.
        signature.initSign(Keys.privateKey(
            info, ProviderStrategy.fixed(signature.getProvider()), PkiParseException.UNKNOWN_OFFSET));
      } catch (PkiParseException | RuntimeException unusable) {
        throw foreign;
      }
    }
  }

  @Override
  public String toString() {
    // Never the key itself.
    return "Signer[" + algorithm + ", " + KeyAlgorithm.describe(publicKey) + "]";
  }
}
