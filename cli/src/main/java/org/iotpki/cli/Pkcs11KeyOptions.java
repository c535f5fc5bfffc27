// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.keys.PinSource;
import org.iotpki.core.keys.Pkcs11Token;
import org.iotpki.core.keys.Pkcs11Uri;
import org.iotpki.core.keys.TokenKey;
import org.iotpki.core.keys.TokenKeys;
import org.iotpki.matter.issuance.CdSigner;
import org.iotpki.matter.issuance.MatterCa;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --key PKCS11-URI [--pkcs11-module LIB] [--pin-env VAR | --pin-file FILE]}: an issuing
 * key in a PKCS#11 token instead of a key file.
 */
final class Pkcs11KeyOptions {
  @Option(names = "--key", paramLabel = "PKCS11-URI",
      description = "The issuing key in a PKCS#11 token (RFC 7512), e.g. 'pkcs11:token=factory;object=pai'.")
  String uri;

  @Option(names = "--pkcs11-module", paramLabel = "LIB", description = "The PKCS#11 module, unless --key has module-path.")
  Path module;

  @Mixin TokenPinOptions pin;

  /** Whether --key was given. */
  boolean given() {
    return uri != null;
  }

  /**
   * The Matter CA of {@code certificate}, signing with the key --key names.
   *
   * @throws IllegalArgumentException if the URI, module, PIN or key cannot be used, or the key is
   *     not the certificate's
   */
  MatterCa matterCa(X509Certificate certificate) {
    return withKey((key, providers) -> MatterCa.of(certificate, key, providers));
  }

  /**
   * The CD signer of {@code certificate}, signing with the key --key names.
   *
   * @throws IllegalArgumentException as {@link #matterCa}
   */
  CdSigner cdSigner(X509Certificate certificate) {
    return withKey((key, providers) -> CdSigner.of(certificate, key, providers));
  }

  /** What to make of the token's private key and providers. */
  @FunctionalInterface
  private interface KeyUse<T> {
    T apply(PrivateKey key, ProviderStrategy providers);
  }

  private <T> T withKey(KeyUse<T> use) {
    Pkcs11Uri key = Pkcs11Uri.parse(uri);
    try {
      TokenKeys keys = openToken(key, "--pkcs11-module", module, pin::pin);
      TokenKey found = keys.find(key.object()).orElseThrow(
          () -> new IllegalArgumentException("the token has no key labelled '" + key.object() + "'"));
      return use.apply(found.privateKey(), keys.providers());
    } catch (GeneralSecurityException | IllegalStateException e) {
      throw new IllegalArgumentException("cannot use the key " + key + ": " + e.getMessage(), e);
    }
  }

  /**
   * Logs in to the token {@code key} names, with the module and PIN of the URI or else the ones
   * given.
   *
   * @param moduleOption how the module is given where the URI has no module-path, for the error
   * @throws IllegalArgumentException if the module or PIN is missing or cannot be used
   * @throws GeneralSecurityException if the token fails
   */
  static TokenKeys openToken(Pkcs11Uri key, String moduleOption, Path module,
      Supplier<PinSource> pin) throws GeneralSecurityException {
    Pkcs11Token.Builder token = key.tokenBuilder();
    if (key.modulePath().isEmpty()) {
      if (module == null) {
        throw new IllegalArgumentException(key + " names no module-path: give " + moduleOption);
      }
      token.library(module);
    }
    if (key.pin().isEmpty()) {
      token.pin(pin.get());
    }
    return token.build().open();
  }
}
