// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyFamily;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.MlDsaPrivateKeyForm;
import org.iotpki.core.io.PemEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki pqc keygen --alg ALG --out FILE}. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a key pair: ML-DSA-44/65/87, a composite ML-DSA algorithm, or a classical one.",
      "Writes the private key as PKCS#8 PEM (owner-only permissions) and the public key;",
      "an ML-DSA key in the RFC 9881 seed form unless --format says otherwise."
    })
final class PqcKeygenCommand extends IotpkiCommand {
  @Option(names = "--alg", required = true, paramLabel = "ALG", converter = KeyAlgorithmConverter.class,
      description = "ML-DSA-44, ML-DSA-65, ML-DSA-87, MLDSA44-ECDSA-P256-SHA256, ... or EC-P256, Ed25519, RSA-2048, ...")
  KeyAlgorithm algorithm;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The private key file to write.")
  Path out;

  @Option(names = "--public-out", required = true, paramLabel = "FILE", description = "The public key file to write.")
  Path publicOut;

  @Option(names = "--format", paramLabel = "FORM",
      description = "ML-DSA private key form (RFC 9881): seed (default), expanded or both.")
  String format;

  @Override
  int execute() throws IOException {
    MlDsaPrivateKeyForm form = MlDsaPrivateKeyForm.SEED;
    if (format != null) {
      if (algorithm.family() != KeyFamily.ML_DSA) {
        return error("--format applies to ML-DSA keys, not " + algorithm.displayName());
      }
      try {
        form = MlDsaPrivateKeyForm.valueOf(format.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return error("unknown --format '" + format + "'; one of: seed, expanded, both");
      }
    }
    KeyPair keyPair = KeyPairs.generate(algorithm);
    String privatePem = algorithm.family() == KeyFamily.ML_DSA
        ? PemEncoder.privateKey(keyPair.getPrivate(), form)
        : PemEncoder.privateKey(keyPair.getPrivate());
    Files.writeString(out, privatePem, StandardCharsets.US_ASCII);
    OwnerOnly.restrict(out);
    Files.writeString(publicOut, PemEncoder.publicKey(keyPair.getPublic()), StandardCharsets.US_ASCII);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("algorithm", algorithm.displayName());
    fields.put("oid", algorithm.oid());
    if (algorithm.family() == KeyFamily.ML_DSA) {
      fields.put("format", form.name().toLowerCase(java.util.Locale.ROOT));
    }
    fields.put("publicKeyInfoLength", keyPair.getPublic().getEncoded().length);
    fields.put("out", out.toString());
    fields.put("publicOut", publicOut.toString());
    output.result(out(), fields, String.format(java.util.Locale.ROOT, "Wrote a %s private key to %s (public key info %d bytes)%n",
        algorithm.displayName(), out, keyPair.getPublic().getEncoded().length));
    return ExitCode.OK;
  }
}
