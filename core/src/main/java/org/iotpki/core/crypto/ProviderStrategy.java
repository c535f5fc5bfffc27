package org.iotpki.core.crypto;

import java.security.Provider;
import java.security.Security;
import java.util.Objects;
import org.iotpki.core.internal.Bc;

/**
 * Chooses the JCA provider for each cryptographic operation.
 *
 * <p>iotpki never registers a provider in the JVM's global list: every {@code getInstance} call
 * names the provider this strategy returns. The default is {@link #bouncyCastle()}, which behaves
 * the same on every JDK. Keys held in hardware use a strategy that returns the token's provider
 * (for example SunPKCS11) for signatures.
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

  /** BouncyCastle for everything, from a private instance. The default. */
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
}
