// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.keys.Pkcs11Token;
import org.iotpki.core.keys.Pkcs11Uri;
import org.iotpki.core.keys.TokenKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki hsm keygen --module LIB --token LABEL|--slot N --label L --alg ALG}. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a key pair in a PKCS#11 token: private, sensitive, not extractable. The token keeps",
      "the private key under --label with a self-signed placeholder certificate (SunPKCS11 finds",
      "keys by the certificate beside them). Prints the key's RFC 7512 URI for --key options.",
      "Exit 0 generated, 2 usage or input error (no such token, a wrong PIN, the label is taken)."
    })
final class HsmKeygenCommand extends IotpkiCommand {
  @Option(names = "--module", required = true, paramLabel = "LIB", description = "The PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so.")
  Path module;

  @Option(names = "--token", paramLabel = "LABEL", description = "The token's label.")
  String tokenLabel;

  @Option(names = "--slot", paramLabel = "N", converter = NumberConverter.class, description = "The token's slot id (instead of --token).")
  Long slot;

  @Option(names = "--label", required = true, paramLabel = "L", description = "The new key's label (CKA_LABEL).")
  String label;

  @Option(names = "--alg", required = true, paramLabel = "ALG", converter = KeyAlgorithmConverter.class,
      description = "EC-P256, EC-P384, RSA-2048, RSA-3072, RSA-4096; ML-DSA-44/65/87 where token and JDK support it.")
  KeyAlgorithm algorithm;

  @Option(names = "--public-out", paramLabel = "FILE", description = "Also write the public key (PEM) here.")
  Path publicOut;

  @Mixin TokenPinOptions pin;

  @Override
  int execute() throws IOException {
    if ((tokenLabel == null) == (slot == null)) {
      return error("name the token with --token LABEL or --slot N");
    }
    if (publicOut != null && Files.exists(publicOut)) {
      return error("refusing to overwrite " + publicOut);
    }
    TokenKey key;
    try {
      Pkcs11Token.Builder token = Pkcs11Token.builder().library(module).pin(pin.pin());
      if (slot != null) {
        token.slot(slot);
      } else {
        token.tokenLabel(tokenLabel);
      }
      key = token.build().open().generate(label, algorithm);
    } catch (IllegalArgumentException | IllegalStateException | GeneralSecurityException e) {
      return error(e.getMessage());
    }
    if (publicOut != null) {
      Files.writeString(publicOut, PemEncoder.publicKey(key.certificate().getPublicKey()), StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW);
    }
    Pkcs11Uri uri = slot != null ? Pkcs11Uri.forKeyInSlot(slot, label) : Pkcs11Uri.forKey(tokenLabel, label);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("label", label);
    fields.put("algorithm", algorithm.displayName());
    fields.put("uri", uri.toString());
    fields.put("extractable", key.privateKey().getEncoded() != null);
    if (publicOut != null) {
      fields.put("publicOut", publicOut.toString());
    }
    output.result(out(), fields, String.format(java.util.Locale.ROOT, "Generated a %s key in the token: %s%n",
        algorithm.displayName(), uri));
    return ExitCode.OK;
  }
}
