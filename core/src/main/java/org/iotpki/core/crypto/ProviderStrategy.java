// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.crypto;

import java.security.Provider;
import java.security.Security;
import java.util.Objects;
import org.iotpki.core.internal.Bc;

/**
 * Chooses the JCA provider for each cryptographic operation.
 *
 * <p>iotpki never registers a provider in the JVM's global list: every {@code getInstance} call
 * names the provider this strategy returns. The default is {@link #defaults()}: for every
 * operation the fastest provider that does it correctly, which, measured on JDK 25, is
 * BouncyCastle throughout. Keys held in hardware use a strategy that
 * returns the token's provider (for example SunPKCS11) for signatures. Any strategy can hand one
 * operation to another provider with {@link #overriding(String, String, Provider)}.
 *
 * <p>Signatures with an ML-DSA context string ask for the algorithm name followed by {@code
 * /context} (for example {@code ML-DSA-44/context}), since the JDK's ML-DSA takes no context.
 */
@FunctionalInterface
public interface ProviderStrategy {

  /**
   * The provider for a JCA service.
   *
   * @param serviceType the JCA service type, such as {@code "Signature"}, {@code "KeyFactory"} or
   *     {@code "KeyPairGenerator"}
   * @param algorithm the JCA algorithm name, such as {@code "SHA256withECDSA"}
   */
  Provider provider(String serviceType, String algorithm);

  /**
   * The default: per operation, the fastest provider that does it correctly here. Measured with
   * the JMH {@code SignatureBenchmark} on JDK 25 (BouncyCastle 1.87 against the JDK's own ML-DSA,
   * SunEC and Ed25519; README, "Post-quantum"), the JDK was faster at no key generation, signature
   * or verification beyond the measurement error, and BouncyCastle was clearly faster for Ed25519;
   * only BouncyCastle keeps the ML-DSA seed (RFC 9881's seed form), reads all three private-key
   * forms, and takes context strings and HashML-DSA. So the default is BouncyCastle for every
   * operation, on every JDK; {@link #overriding(String, String, Provider)} hands an operation to
   * the JDK where a measurement on the target machine favours it.
   */
  static ProviderStrategy defaults() {
    return bouncyCastle();
  }

  /** BouncyCastle for everything, from a private instance. */
  static ProviderStrategy bouncyCastle() {
    return (serviceType, algorithm) -> Bc.PROVIDER;
  }

  /** One provider for everything, for example a PKCS#11 provider configured for a token. */
  static ProviderStrategy fixed(Provider provider) {
    Objects.requireNonNull(provider, "provider");
    return (serviceType, algorithm) -> provider;
  }

  /**
   * The first provider installed in the JVM that offers the service, falling back to BouncyCastle
   * where none does (for example Ed25519 or ML-DSA on older JDKs).
   */
  static ProviderStrategy jdkFirst() {
    return (serviceType, algorithm) -> {
      Provider[] installed = Security.getProviders(serviceType + "." + algorithm);
      return installed == null || installed.length == 0 ? Bc.PROVIDER : installed[0];
    };
  }

  /**
   * This strategy, except that {@code provider} does the one operation named: for example the
   * JDK's ML-DSA signatures ({@code overriding("Signature", "ML-DSA-65", Security.getProvider("SUN"))})
   * where measurements on the target machine favour it.
   *
   * @param serviceType the JCA service type, such as {@code "Signature"}
   * @param algorithm the JCA algorithm name, such as {@code "ML-DSA-65"}
   */
  default ProviderStrategy overriding(String serviceType, String algorithm, Provider provider) {
    Objects.requireNonNull(serviceType, "serviceType");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(provider, "provider");
    ProviderStrategy otherwise = this;
    return (type, name) ->
        type.equals(serviceType) && name.equals(algorithm) ? provider : otherwise.provider(type, name);
  }
}
