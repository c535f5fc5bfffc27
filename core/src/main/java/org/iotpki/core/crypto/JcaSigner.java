package org.iotpki.core.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/** A {@link Signer} over a JCA private key; a fresh {@code Signature} per call keeps it thread-safe. */
final class JcaSigner implements Signer {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final SignatureAlgorithm algorithm;
  private final ProviderStrategy providers;

  JcaSigner(
      PrivateKey privateKey,
      PublicKey publicKey,
      SignatureAlgorithm algorithm,
      ProviderStrategy providers) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.providers = Objects.requireNonNull(providers, "providers");
    if (!algorithm.isCompatibleWith(publicKey)) {
      throw new IllegalArgumentException(
          algorithm + " cannot sign with a " + KeyAlgorithm.describe(publicKey) + " key");
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
    String name = algorithm.jcaName();
    Signature signature = Signature.getInstance(name, providers.provider("Signature", name));
    signature.initSign(privateKey);
    signature.update(data);
    return signature.sign();
  }

  @Override
  public String toString() {
    // Never the key itself.
    return "Signer[" + algorithm + ", " + KeyAlgorithm.describe(publicKey) + "]";
  }
}
